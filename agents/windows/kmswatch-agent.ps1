<#
.SYNOPSIS
  kmswatch agent for Windows PowerShell 5.1: collects raw KMS activation artifacts and pushes them to
  the kmswatch server. Same payload, state layout and rules as the Node agent (agents/README.md).
.DESCRIPTION
  Each run: collect (CIM; slmgr /dlv when VBScript is there; new events since the per-log bookmarks;
  on KMS hosts the TPM; OSLicense cmdlets where installed; optional probe) ->
  write the payload to the spool -> advance the bookmarks (the spool is the durable record) ->
  bound the spool -> send the spool oldest first; a payload is deleted only after a 200.
  Exit codes: 0 done; 2 an operator must act (not enrolled, token revoked, enrollment refused, the
  machine held by another installation: 409); 3 payloads left in the spool (server unreachable, or
  its Retry-After would pass -MaxRunSeconds).
#>
[CmdletBinding()]
param(
    [string]$ServerUrl,
    [string]$EnrollSecret,
    [string]$StateDir = (Join-Path $env:ProgramData 'kmswatch'),
    [int]$MaxRunSeconds = 300,
    [double]$SpoolMaxMB = 50,
    [double]$SpoolMaxAgeDays = 14,
    [switch]$NoProbe,
    [switch]$DryRun
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0
$AgentVersion = 'windows-1.0.0'

. (Join-Path $PSScriptRoot 'lib\State.ps1')
. (Join-Path $PSScriptRoot 'lib\Collect.ps1')
. (Join-Path $PSScriptRoot 'lib\Send.ps1')
. (Join-Path $PSScriptRoot 'lib\Probe.ps1')
. (Join-Path $PSScriptRoot 'lib\Readiness.ps1')

$script:StateDir = $StateDir
$script:Deadline = (Get-Date).AddSeconds($MaxRunSeconds)
# TLS 1.2 always; TLS 1.3 too when this .NET knows it (Windows PowerShell defaults to older protocols).
$protocols = [Net.SecurityProtocolType]::Tls12
if ([enum]::GetNames([Net.SecurityProtocolType]) -contains 'Tls13') { $protocols = $protocols -bor [Net.SecurityProtocolType]::Tls13 }
[Net.ServicePointManager]::SecurityProtocol = $protocols

# install.ps1 saves the server URL and, when given, the enroll secret (both ACL'd to SYSTEM/Admins).
$config = Read-JsonFile (Join-Path $StateDir 'config.json')
if (-not $ServerUrl -and $config) { $ServerUrl = [string]$config.serverUrl }
if (-not $EnrollSecret -and (Test-Path -LiteralPath (Join-Path $StateDir 'enroll-secret.txt'))) {
    $EnrollSecret = ([IO.File]::ReadAllText((Join-Path $StateDir 'enroll-secret.txt'))).Trim()
}
if (-not $ServerUrl -and -not $DryRun) {
    # Not Write-Error: with ErrorActionPreference Stop it would throw, and the exit code would be 1.
    [Console]::Error.WriteLine('no -ServerUrl given and none saved by install.ps1'); exit 2
}
$script:ServerUrl = ([string]$ServerUrl).TrimEnd('/')
$script:EnrollSecret = $EnrollSecret
$cs = Get-CimInstance -ClassName Win32_ComputerSystem
$script:HostName = $env:COMPUTERNAME
$script:Fqdn = if ($cs.PartOfDomain) { "$($cs.DNSHostName).$($cs.Domain)" } else { [string]$cs.DNSHostName }

# --- collect -------------------------------------------------------------------------------------
$bookmarks = Read-Bookmarks
$collected = New-KmsCollection -Bookmarks $bookmarks -Probe:(-not $NoProbe)
$newEvents = $collected.Events
$payload = [ordered]@{ collectedAt = Get-IsoNow; agentVersion = $AgentVersion; artifacts = $collected.Artifacts }
$json = ConvertTo-Json -InputObject $payload -Depth 8 -Compress
# A loop, not Measure-Object: with no new events its result has no Sum, which strict mode refuses.
$eventCount = 0
foreach ($e in $newEvents) { $eventCount += $e.Count }
if ($DryRun) { Write-Output (ConvertTo-Json -InputObject $payload -Depth 8); exit 0 }

# --- spool (before any send), then bookmarks ------------------------------------------------------
$newState = -not (Test-Path -LiteralPath $StateDir)
New-Item -ItemType Directory -Path (Join-Path $StateDir 'spool') -Force | Out-Null
if ($newState) { Protect-AgentFile $StateDir }
$counters = Read-Counters
$counters.spoolCounter++
$name = Get-SpoolName -Counter $counters.spoolCounter
Write-TextFile (Join-Path $StateDir "spool\$name") $json
foreach ($e in $newEvents) { $bookmarks[$e.Log] = [math]::Max([long]$(if ($bookmarks.ContainsKey($e.Log)) { $bookmarks[$e.Log] } else { 0 }), $e.LastRecordId) }
Save-Bookmarks $bookmarks
$dropped = Limit-Spool -MaxBytes ([long]($SpoolMaxMB * 1048576)) -MaxAgeDays $SpoolMaxAgeDays
if ($dropped.Count -gt 0) {
    $counters.droppedTotal += $dropped.Count
    Write-AgentLog "spool over its bounds ($SpoolMaxMB MB, $SpoolMaxAgeDays days): dropped $($dropped.Count) oldest payload(s): $($dropped -join ', ')"
}
Save-Counters $counters

# --- send oldest first ---------------------------------------------------------------------------
$result = @{ ExitCode = 1; Sent = 0; Rejected = 0 }
try {
    $result = Send-KmsSpool
} finally {
    $c = Read-Counters
    $c.rejectedTotal += $result.Rejected
    Save-Counters $c
    $left = (Get-SpoolEntries).Count
    Write-AgentLog "run summary: $eventCount new event(s) in $name; sent $($result.Sent), rejected $($result.Rejected); dropped $($dropped.Count) (total $($c.droppedTotal)); rejected total $($c.rejectedTotal); $left payload(s) left in the spool"
}
exit $result.ExitCode
