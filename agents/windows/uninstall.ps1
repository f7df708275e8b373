<#
.SYNOPSIS
  Removes the kmswatch agent: the Scheduled Task and $env:ProgramFiles\kmswatch; with -RemoveState also
  $env:ProgramData\kmswatch (token, bookmarks, unsent spool, rejected payloads, log).
#>
[CmdletBinding()]
param([switch]$RemoveState)
$ErrorActionPreference = 'Stop'
$TaskName = 'kmswatch-agent'

if (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false
    Write-Host "removed task '$TaskName'"
}
$installDir = Join-Path $env:ProgramFiles 'kmswatch'
if (Test-Path -LiteralPath $installDir) {
    Remove-Item -LiteralPath $installDir -Recurse -Force
    Write-Host "removed $installDir"
}
if ($RemoveState) {
    $stateDir = Join-Path $env:ProgramData 'kmswatch'
    if (Test-Path -LiteralPath $stateDir) {
        Remove-Item -LiteralPath $stateDir -Recurse -Force
        Write-Host "removed $stateDir"
    }
} else {
    Write-Host "kept $env:ProgramData\kmswatch (token, unsent spool); use -RemoveState to delete it"
}
