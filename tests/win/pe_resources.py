"""pe_resources.py EXE: the resources of a PE file, one "TYPE NAME LANG SIZE"
line each (TYPE by its RT_ name where it has one, LANG in hex)."""
import struct
import sys

TYPES = {1: "CURSOR", 2: "BITMAP", 3: "ICON", 4: "MENU", 5: "DIALOG", 6: "STRING", 10: "RCDATA",
         11: "MESSAGETABLE", 14: "GROUP_ICON", 16: "VERSION", 24: "MANIFEST"}

data = open(sys.argv[1], "rb").read()
pe = struct.unpack_from("<I", data, 0x3C)[0]
sections, optional = struct.unpack_from("<H", data, pe + 6)[0], struct.unpack_from("<H", data, pe + 20)[0]
for i in range(sections):
    name, _, rva, _, raw = struct.unpack_from("<8sIIII", data, pe + 24 + optional + 40 * i)
    if name.rstrip(b"\0") == b".rsrc":
        break
else:
    sys.exit(0)


def label(entry_id):
    if entry_id & 0x80000000:  # a name: counted UTF-16 in the section
        at = raw + (entry_id & 0x7FFFFFFF)
        n = struct.unpack_from("<H", data, at)[0]
        return data[at + 2:at + 2 + 2 * n].decode("utf-16-le")
    return str(entry_id)


def walk(offset, path):
    named, numbered = struct.unpack_from("<HH", data, raw + offset + 12)
    for k in range(named + numbered):
        entry_id, target = struct.unpack_from("<II", data, raw + offset + 16 + 8 * k)
        if target & 0x80000000:
            walk(target & 0x7FFFFFFF, path + [entry_id])
        else:
            size = struct.unpack_from("<II", data, raw + target)[1]
            kind, res = path
            kind_name = TYPES.get(kind, label(kind))
            print(f"{kind_name} {label(res)} {entry_id:04x} {size}")


walk(0, [])
