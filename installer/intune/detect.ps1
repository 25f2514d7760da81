# Intune Remediations, detection script: wutray-cli status decides.
# Run as SYSTEM in 64-bit PowerShell. Exit 1 ("issue found", Intune then runs
# remediate.ps1) only for status's critical (2): a service disabled, missing
# or stuck, updates stalled or failing, Windows out of support. Warnings (1)
# and unknown (3) are reported, not remediated: `fix` has nothing safe to do
# for them. The output's first line (the state) is what Intune shows.
$cli = Join-Path $env:ProgramFiles 'wutray\wutray-cli.exe'
if (-not (Test-Path -LiteralPath $cli)) { Write-Output 'wutray is not installed'; exit 0 }
$lines = & $cli status
$code = $LASTEXITCODE
Write-Output (($lines | Select-Object -First 1), "(wutray-cli status exit $code)" -join ' ')
if ($code -eq 2) { exit 1 }
exit 0
