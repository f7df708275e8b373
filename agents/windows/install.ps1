<#
.SYNOPSIS
  Installs the kmswatch agent: copies it to $env:ProgramFiles\kmswatch and registers a Scheduled Task
  that runs it as SYSTEM at start-up and every hour. Run elevated (GPO start-up script, Intune, or an
  administrator's PowerShell). Re-running it updates the files and the task.
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -ServerUrl https://kmswatch.corp.example -EnrollSecret '...'
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][ValidatePattern('^https?://')][string]$ServerUrl,
    [string]$EnrollSecret,
    [switch]$NoProbe
)
$ErrorActionPreference = 'Stop'
$TaskName = 'kmswatch-agent'
$InstallDir = Join-Path $env:ProgramFiles 'kmswatch'
$StateDir = Join-Path $env:ProgramData 'kmswatch'

# Elevated = a high (S-1-16-12288) or system (S-1-16-16384) integrity token; whoami reads it the same
# way in every UI language (and, being a command, the tests can stand in for it off Windows).
$groups = (& whoami.exe /groups /fo csv) -join "`n"
if ($groups -notmatch 'S-1-16-12288|S-1-16-16384') { throw 'install.ps1 must run elevated (Administrator or SYSTEM)' }

New-Item -ItemType Directory -Path (Join-Path $InstallDir 'lib') -Force | Out-Null
Copy-Item -Path (Join-Path $PSScriptRoot 'kmswatch-agent.ps1') -Destination $InstallDir -Force
Copy-Item -Path (Join-Path $PSScriptRoot 'lib\*.ps1') -Destination (Join-Path $InstallDir 'lib') -Force
Copy-Item -Path (Join-Path $PSScriptRoot 'uninstall.ps1') -Destination $InstallDir -Force

# State (config, secret, token, spool): SYSTEM and Administrators only, inherited by every file.
New-Item -ItemType Directory -Path $StateDir -Force | Out-Null
& icacls.exe $StateDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' | Out-Null
if ($LASTEXITCODE -ne 0) { throw "icacls failed on $StateDir" }
$utf8 = New-Object System.Text.UTF8Encoding($false)
[IO.File]::WriteAllText((Join-Path $StateDir 'config.json'), (ConvertTo-Json -InputObject ([ordered]@{ serverUrl = $ServerUrl.TrimEnd('/') })), $utf8)
if ($EnrollSecret) {
    # Kept so the agent can enroll again by itself when its token is revoked; delete the file to
    # forbid that (a revoked agent then stops until install.ps1 runs again with the secret).
    [IO.File]::WriteAllText((Join-Path $StateDir 'enroll-secret.txt'), $EnrollSecret, $utf8)
}

$script = Join-Path $InstallDir 'kmswatch-agent.ps1'
$arguments = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$script`""
if ($NoProbe) { $arguments += ' -NoProbe' }
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $arguments
# Hourly from now, with a random delay so a fleet does not check in at the same second.
$hourly = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(5) -RepetitionInterval (New-TimeSpan -Hours 1) -RandomDelay (New-TimeSpan -Minutes 10)
$startup = New-ScheduledTaskTrigger -AtStartup
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew -ExecutionTimeLimit (New-TimeSpan -Minutes 10)
$system = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger @($hourly, $startup) -Settings $settings -Principal $system `
    -Description 'kmswatch: pushes KMS activation state to the kmswatch server' -Force | Out-Null

Write-Host "kmswatch agent installed in $InstallDir; task '$TaskName' runs as SYSTEM hourly and at start-up."
Write-Host "Check it: Start-ScheduledTask -TaskName $TaskName; then read $StateDir\agent.log"
