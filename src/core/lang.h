/* The languages wutray has text for (the files in res/lang/), and which one to show
 * for a user's Windows display language. */
#ifndef WUTRAY_LANG_H
#define WUTRAY_LANG_H

#define LANG_FALLBACK 0x0409u /* en-US: the table every other one is checked against */

/* The LANGID of wutray's string table for a user UI language (a Windows
 * LANGID, as GetUserDefaultUILanguage returns): the one of the same primary
 * language (de-AT and de-CH get German), else English. */
unsigned lang_pick(unsigned ui_langid);

#endif
