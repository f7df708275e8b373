# Test-only stand-ins for the Windows commands kmswatch-agent.ps1 calls, replaying recorded artifacts.
# Dot-sourced by the tests (never by the shipped scripts): a function named like a cmdlet is found
# before the cmdlet, so the real agent runs unchanged. Configured through $global:KmsStandIn:
#   CaptureDir  folder with cim/*.SoftwareLicensing{Service,Product}.json, *.dlv.txt, event *.xml
#   Domain      the machine's AD domain (Win32_ComputerSystem)
#   DlvExitCode cscript's exit code (0: the recorded /dlv text; else no output)
#   Win32Tpm    $null (no TPM), 'missing' (class absent) or an object with the Win32_Tpm properties
# and records every call in $global:KmsStandInCalls, for tests that assert what the agent called.
$global:KmsStandInCalls = New-Object System.Collections.ArrayList

function Read-StandInJson {
    param([string]$Pattern)
    $dir = Join-Path $global:KmsStandIn.CaptureDir 'cim'
    foreach ($file in @(Get-ChildItem -Path $dir -Filter $Pattern -ErrorAction SilentlyContinue | Sort-Object Name)) {
        # ConvertTo-Json prints one object bare and several as an array; both replay as objects.
        foreach ($o in @([IO.File]::ReadAllText($file.FullName).TrimStart([char]0xFEFF) | ConvertFrom-Json)) { $o }
    }
}

function Get-CimInstance {
    [CmdletBinding()]
    param([string]$ClassName, [string]$Filter, [string]$Namespace)
    [void]$global:KmsStandInCalls.Add("Get-CimInstance $ClassName")
    switch ($ClassName) {
        'SoftwareLicensingService' { Read-StandInJson '*.SoftwareLicensingService.json' | Select-Object -First 1 }
        'SoftwareLicensingProduct' { Read-StandInJson '*.SoftwareLicensingProduct.json' | Where-Object { $_.PartialProductKey } }
        'Win32_ComputerSystem' {
            $domain = $global:KmsStandIn.Domain
            [pscustomobject]@{ DNSHostName = $env:COMPUTERNAME; Domain = $(if ($domain) { $domain } else { 'WORKGROUP' }); PartOfDomain = [bool]$domain }
        }
        'Win32_Tpm' {
            if ($global:KmsStandIn.Win32Tpm -eq 'missing') { throw 'Invalid namespace (stand-in: no Win32_Tpm class)' }
            $global:KmsStandIn.Win32Tpm
        }
        default { throw "stand-in Get-CimInstance: no recording for class '$ClassName'" }
    }
}

function Start-Process {
    [CmdletBinding()]
    param([string]$FilePath, [string[]]$ArgumentList, [string]$RedirectStandardOutput, [switch]$NoNewWindow, [switch]$Wait, [switch]$PassThru)
    [void]$global:KmsStandInCalls.Add("Start-Process $FilePath $($ArgumentList -join ' ')")
    if ($FilePath -notmatch 'cscript\.exe$' -or ($ArgumentList -join ' ') -notmatch 'slmgr\.vbs.*/dlv all') { throw "stand-in Start-Process: unexpected $FilePath" }
    $code = [int]$global:KmsStandIn.DlvExitCode
    $text = ''
    if ($code -eq 0) {
        $file = @(Get-ChildItem -Path $global:KmsStandIn.CaptureDir -Filter '*.dlv.txt' | Sort-Object Name)[0]
        $text = [IO.File]::ReadAllText($file.FullName)
    }
    # cscript //U writes UTF-16LE; the agent reads it back as such.
    [IO.File]::WriteAllText($RedirectStandardOutput, $text, [Text.Encoding]::Unicode)
    [pscustomobject]@{ ExitCode = $code }
}

function Get-StandInEvents {
    # Every recorded event once, as Get-WinEvent returns them: ToXml() without RenderingInfo,
    # the rendered text in Message.
    $files = @(Get-ChildItem -Path $global:KmsStandIn.CaptureDir -Filter '*.xml') + @(Get-ChildItem -Path (Join-Path $global:KmsStandIn.CaptureDir 'events') -Filter '*.xml' -ErrorAction SilentlyContinue)
    $seen = @{}
    foreach ($file in $files) {
        foreach ($m in [regex]::Matches([IO.File]::ReadAllText($file.FullName), '<Event[\s>][\s\S]*?</Event>')) {
            $xml = $m.Value
            $record = [long]([regex]::Match($xml, '<EventRecordID>(\d+)</EventRecordID>').Groups[1].Value)
            $channel = [regex]::Match($xml, '<Channel>([^<]+)</Channel>').Groups[1].Value
            if ($seen.ContainsKey("$channel/$record")) { continue }
            $seen["$channel/$record"] = $true
            $message = [regex]::Match($xml, '<RenderingInfo[^>]*><Message>([\s\S]*?)</Message>')
            $event = [pscustomobject]@{
                RecordId         = $record
                Id               = [int]([regex]::Match($xml, '<EventID[^>]*>(\d+)</EventID>').Groups[1].Value)
                LogName          = $channel
                ProviderName     = [regex]::Match($xml, "<Provider Name='([^']+)'").Groups[1].Value
                LevelDisplayName = 'Information'
                Message          = $(if ($message.Success) { [System.Net.WebUtility]::HtmlDecode($message.Groups[1].Value) } else { $null })
                RawXml           = ($xml -replace '<RenderingInfo[\s\S]*?</RenderingInfo>', '')
            }
            $event | Add-Member -MemberType ScriptMethod -Name ToXml -Value { $this.RawXml }
            $event
        }
    }
}

function Get-WinEvent {
    [CmdletBinding()]
    param([xml]$FilterXml, [switch]$Oldest, [int]$MaxEvents = [int]::MaxValue)
    $select = $FilterXml.QueryList.Query.Select
    $log = $select.Path
    $query = $select.InnerText
    [void]$global:KmsStandInCalls.Add("Get-WinEvent $log $query")
    $after = [long]([regex]::Match($query, 'EventRecordID > (\d+)').Groups[1].Value)
    $ids = @([regex]::Matches($query, 'EventID=(\d+)') | ForEach-Object { [int]$_.Groups[1].Value })
    $provider = [regex]::Match($query, "Provider\[@Name='([^']+)'\]").Groups[1].Value
    $found = @(Get-StandInEvents | Where-Object {
            $_.LogName -eq $log -and $_.RecordId -gt $after -and ($ids.Count -eq 0 -or $ids -contains $_.Id) -and (-not $provider -or $_.ProviderName -eq $provider)
        } | Sort-Object RecordId | Select-Object -First $MaxEvents)
    # The real cmdlet throws when nothing matches (or the log does not exist).
    if ($found.Count -eq 0) { throw 'No events were found that match the specified selection criteria.' }
    $found
}

function icacls.exe {
    # The state dir's ACL (SYSTEM + Administrators) cannot be checked off Windows: record the call.
    [void]$global:KmsStandInCalls.Add("icacls.exe $($args -join ' ')")
    $global:LASTEXITCODE = 0
}
