# Collection for kmswatch-agent.ps1: raw artifacts only, no parsing (the server parses).
# Windows PowerShell 5.1, built-in cmdlets only.

$script:CimExclude = 'CimClass', 'CimInstanceProperties', 'CimSystemProperties', 'PSComputerName'
# Clients: the SPP activation events. KMS hosts: the whole "Key Management Service" log, because
# Windows Server 2025 writes hardware-secured readiness warnings there under undocumented IDs.
$script:EventQueries = @(
    @{ Log = 'Application'; Filter = "Provider[@Name='Microsoft-Windows-Security-SPP'] and (EventID=12288 or EventID=12289 or EventID=12293)" },
    @{ Log = 'Key Management Service'; Filter = $null }
)
$script:MaxEventsPerLog = 500

function Get-KmsCimArtifact {
    # Objects as CIM returns them, minus PowerShell's bookkeeping properties.
    $service = Get-CimInstance -ClassName SoftwareLicensingService | Select-Object -Property * -ExcludeProperty $script:CimExclude
    $products = @(Get-CimInstance -ClassName SoftwareLicensingProduct -Filter 'PartialProductKey IS NOT NULL' |
        Select-Object -Property * -ExcludeProperty $script:CimExclude | Select-Object -First 200)
    [ordered]@{ type = 'cim'; service = $service; products = $products }
}

function Test-KmsHost {
    param($Cim)
    # A KMS host has a product with a CSVLK installed (IsKeyManagementServiceMachine = 1).
    foreach ($p in @($Cim.products)) {
        if ($p -and $p.PSObject.Properties['IsKeyManagementServiceMachine'] -and [int]$p.IsKeyManagementServiceMachine -eq 1) { return $true }
    }
    $false
}

function Get-KmsDlvArtifact {
    # slmgr.vbs /dlv is a welcome extra, never a requirement: VBScript is being removed from Windows,
    # and the CIM artifact carries the same data. $null when cscript or slmgr.vbs is missing or fails.
    if (-not $env:windir) { Write-AgentLog 'no %windir%: /dlv skipped, CIM only'; return $null }
    $cscript = Join-Path $env:windir 'System32\cscript.exe'
    $slmgr = Join-Path $env:windir 'System32\slmgr.vbs'
    if (-not (Test-Path -LiteralPath $slmgr) -or -not (Test-Path -LiteralPath $cscript)) {
        Write-AgentLog 'cscript.exe or slmgr.vbs missing (VBScript removed?): /dlv skipped, CIM only'
        return $null
    }
    # //U: UTF-16 output, so localized labels survive; read back through a temp file to keep it exact.
    $tmp = [IO.Path]::GetTempFileName()
    try {
        $proc = Start-Process -FilePath $cscript -ArgumentList @('//nologo', '//U', "`"$slmgr`"", '/dlv', 'all') `
            -RedirectStandardOutput $tmp -NoNewWindow -Wait -PassThru
        $text = [IO.File]::ReadAllText($tmp, [Text.Encoding]::Unicode)
        if ($proc.ExitCode -ne 0 -or -not $text.Trim()) {
            Write-AgentLog "slmgr.vbs /dlv exited with $($proc.ExitCode): /dlv skipped, CIM only"
            return $null
        }
    } catch {
        Write-AgentLog "slmgr.vbs /dlv failed ($($_.Exception.Message)): /dlv skipped, CIM only"
        return $null
    } finally {
        Remove-Item -LiteralPath $tmp -Force -ErrorAction SilentlyContinue
    }
    [ordered]@{ type = 'dlv'; text = $text }
}

function ConvertTo-KmsEventXml {
    param($Record)
    # ToXml() carries no rendered text; add it the way wevtutil /f:RenderedXml does, so the server
    # can show the message of an event ID it does not know yet.
    $xml = [string]$Record.ToXml()
    $message = $null
    try { $message = [string]$Record.Message } catch { $message = $null }
    if (-not $message -or $xml -match '<RenderingInfo') { return $xml }
    $esc = [Security.SecurityElement]
    $level = ''
    try { $level = [string]$Record.LevelDisplayName } catch { $level = '' }
    $info = "<RenderingInfo Culture='$([Globalization.CultureInfo]::CurrentUICulture.Name)'><Message>$($esc::Escape($message))</Message>" +
        "<Level>$($esc::Escape($level))</Level><Provider>$($esc::Escape([string]$Record.ProviderName))</Provider></RenderingInfo>"
    $at = $xml.LastIndexOf('</Event>')
    if ($at -lt 0) { return $xml }
    $xml.Substring(0, $at) + $info + $xml.Substring($at)
}

function Get-KmsNewEvents {
    param([hashtable]$Bookmarks)
    # Returns one entry per log with new events: oldest first, at most MaxEventsPerLog, so the
    # bookmark moves over exactly what was read and the rest waits for the next run.
    $result = @()
    foreach ($q in $script:EventQueries) {
        $after = 0
        if ($Bookmarks.ContainsKey($q.Log)) { $after = [long]$Bookmarks[$q.Log] }
        $condition = "(EventRecordID &gt; $after)"
        if ($q.Filter) { $condition = "$($q.Filter) and $condition" }
        $filter = "<QueryList><Query Id='0' Path='$($q.Log)'><Select Path='$($q.Log)'>*[System[$condition]]</Select></Query></QueryList>"
        try {
            $events = @(Get-WinEvent -FilterXml ([xml]$filter) -Oldest -MaxEvents $script:MaxEventsPerLog -ErrorAction Stop)
        } catch {
            # No match, or no such log ("Key Management Service" exists only on KMS hosts).
            $events = @()
        }
        if ($events.Count -eq 0) { continue }
        $sorted = @($events | Sort-Object -Property RecordId)
        $result += [pscustomobject]@{
            Log          = $q.Log
            Xml          = (($sorted | ForEach-Object { ConvertTo-KmsEventXml $_ }) -join "`r`n")
            LastRecordId = [long]$sorted[-1].RecordId
            Count        = $sorted.Count
        }
    }
    , $result
}

function New-KmsCollection {
    param([hashtable]$Bookmarks, [switch]$Probe)
    # Every artifact of one run, in the Node agent's order. CIM is the foundation; the rest is
    # added where the machine offers it (/dlv needs VBScript, the KMS log and TPM a KMS host).
    $artifacts = New-Object System.Collections.ArrayList
    $cim = Get-KmsCimArtifact
    $dlv = Get-KmsDlvArtifact
    $dlvText = ''
    if ($dlv) { [void]$artifacts.Add($dlv); $dlvText = $dlv.text }
    [void]$artifacts.Add($cim)
    $events = Get-KmsNewEvents -Bookmarks $Bookmarks
    foreach ($e in $events) { [void]$artifacts.Add([ordered]@{ type = 'events'; log = $e.Log; xml = $e.Xml }) }
    if (Test-KmsHost -Cim $cim) { [void]$artifacts.Add((Get-KmsTpmArtifact)) }
    foreach ($a in (Get-KmsOSLicenseArtifacts)) { [void]$artifacts.Add($a) }
    if ($Probe) { [void]$artifacts.Add((Get-KmsProbeArtifact -Cim $cim -DlvText $dlvText)) }
    [pscustomobject]@{ Artifacts = $artifacts.ToArray(); Events = $events }
}
