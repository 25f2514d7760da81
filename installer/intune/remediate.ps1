# Intune Remediations, remediation script: wutray-cli fix does the one safe
# fix for the state (README.md, "wutray-cli fix"). Run as SYSTEM in 64-bit
# PowerShell. Exit 0 when fixed or nothing was needed; otherwise 1, with fix's
# message (which says what would fix it) as the output Intune shows.
$cli = Join-Path $env:ProgramFiles 'wutray\wutray-cli.exe'
if (-not (Test-Path -LiteralPath $cli)) { Write-Output 'wutray is not installed'; exit 1 }
$lines = & $cli fix 2>&1 | ForEach-Object { "$_" }
$code = $LASTEXITCODE
Write-Output (($lines | Select-Object -Last 1), "(wutray-cli fix exit $code)" -join ' ')
if ($code -eq 0) { exit 0 }
exit 1
