# Collection for kmswatch-agent.ps1: raw artifacts only, no parsing (the server parses).
# Windows PowerShell 5.1, built-in cmdlets only.

$script:CimExclude = 'CimClass', 'CimInstanceProperties', 'CimSystemProperties', 'PSComputerName'
$script:EventQueries = @(
    @{ Log = 'Application'; Filter = "Provider[@Name='Microsoft-Windows-Security-SPP'] and (EventID=12288 or EventID=12289 or EventID=12293)" },
    @{ Log = 'Key Management Service'; Filter = '(EventID=12290)' }
)
$script:MaxEventsPerLog = 500

function Get-KmsCimArtifact {
    # Objects as CIM returns them, minus PowerShell's bookkeeping properties.
    $service = Get-CimInstance -ClassName SoftwareLicensingService | Select-Object -Property * -ExcludeProperty $script:CimExclude
    $products = @(Get-CimInstance -ClassName SoftwareLicensingProduct -Filter 'PartialProductKey IS NOT NULL' |
        Select-Object -Property * -ExcludeProperty $script:CimExclude | Select-Object -First 200)
    [ordered]@{ type = 'cim'; service = $service; products = $products }
}

function Get-KmsDlvArtifact {
    # //U: UTF-16 output, so localized labels survive; read back through a temp file to keep it exact.
    $slmgr = Join-Path $env:windir 'System32\slmgr.vbs'
    $tmp = [IO.Path]::GetTempFileName()
    try {
        $proc = Start-Process -FilePath (Join-Path $env:windir 'System32\cscript.exe') -ArgumentList @('//nologo', '//U', "`"$slmgr`"", '/dlv', 'all') `
            -RedirectStandardOutput $tmp -NoNewWindow -Wait -PassThru
        if ($proc.ExitCode -ne 0) { Write-AgentLog "slmgr.vbs /dlv exited with $($proc.ExitCode)" }
        $text = [IO.File]::ReadAllText($tmp, [Text.Encoding]::Unicode)
    } finally {
        Remove-Item -LiteralPath $tmp -Force -ErrorAction SilentlyContinue
    }
    [ordered]@{ type = 'dlv'; text = $text }
}

function Get-KmsNewEvents {
    param([hashtable]$Bookmarks)
    # Returns one entry per log with new events: oldest first, at most MaxEventsPerLog, so the
    # bookmark moves over exactly what was read and the rest waits for the next run.
    $result = @()
    foreach ($q in $script:EventQueries) {
        $after = 0
        if ($Bookmarks.ContainsKey($q.Log)) { $after = [long]$Bookmarks[$q.Log] }
        $xpath = "*[System[$($q.Filter) and (EventRecordID &gt; $after)]]"
        $filter = "<QueryList><Query Id='0' Path='$($q.Log)'><Select Path='$($q.Log)'>$xpath</Select></Query></QueryList>"
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
            Xml          = (($sorted | ForEach-Object { $_.ToXml() }) -join "`r`n")
            LastRecordId = [long]$sorted[-1].RecordId
            Count        = $sorted.Count
        }
    }
    , $result
}

function Get-KmsProbeArtifact {
    param($Cim, [string]$DlvText)
    # Which host the client uses: /skms registration, then the host found through DNS, else SRV.
    $service = $Cim.service
    $domain = $null
    if ($service -and $service.KeyManagementServiceLookupDomain) { $domain = [string]$service.KeyManagementServiceLookupDomain }
    if (-not $domain) {
        $cs = Get-CimInstance -ClassName Win32_ComputerSystem
        if ($cs.PartOfDomain) { $domain = [string]$cs.Domain }
    }
    $target = $null
    if ($DlvText -match 'Registered KMS machine name:\s*([A-Za-z0-9._-]+)(?::(\d+))?') {
        $target = [ordered]@{ host = $Matches[1]; port = $(if ($Matches[2]) { [int]$Matches[2] } else { 1688 }); source = 'registered' }
    } elseif ($DlvText -match 'KMS machine name from DNS:\s*([A-Za-z0-9._-]+)(?::(\d+))?') {
        $target = [ordered]@{ host = $Matches[1]; port = $(if ($Matches[2]) { [int]$Matches[2] } else { 1688 }); source = 'dns' }
    }
    $records = @()
    $srvError = $null
    if ($domain) {
        try {
            $srv = @(Resolve-DnsName -Name "_vlmcs._tcp.$domain" -Type SRV -DnsOnly -ErrorAction Stop)
            # Lowest priority first, then heaviest weight: the order a client tries them in.
            # (An explicit @(...) list: the tree-sitter grammar used by the tests rejects `A, @{...}`.)
            $byWeight = @{ Expression = 'Weight'; Descending = $true }
            $answer = $srv | Where-Object { $_.Type -eq 'SRV' } | Sort-Object -Property @('Priority', $byWeight)
            $records = @($answer | Select-Object -First 50 | ForEach-Object {
                    [ordered]@{ target = [string]$_.NameTarget; port = [int]$_.Port; priority = [int]$_.Priority; weight = [int]$_.Weight } })
        } catch {
            $srvError = ([string]$_.FullyQualifiedErrorId).Split(',')[0]
            if ($srvError.Length -gt 200) { $srvError = $srvError.Substring(0, 200) }
        }
    }
    if (-not $target -and $records.Count -gt 0) {
        $target = [ordered]@{ host = $records[0].target; port = $records[0].port; source = 'srv' }
    }
    $tcp = $null
    if ($target) { $tcp = Test-KmsTcp -HostName $target.host -Port $target.port -TimeoutMs 3000 }
    [ordered]@{
        type       = 'probe'
        checkedAt  = Get-IsoNow
        domain     = $domain
        srvRecords = $records
        srvError   = $srvError
        target     = $target
        tcp        = $tcp
    }
}

function Test-KmsTcp {
    param([string]$HostName, [int]$Port, [int]$TimeoutMs)
    $client = New-Object System.Net.Sockets.TcpClient
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try {
        $pending = $client.BeginConnect($HostName, $Port, $null, $null)
        if (-not $pending.AsyncWaitHandle.WaitOne($TimeoutMs)) {
            return [ordered]@{ ok = $false; latencyMs = $null; error = 'ETIMEDOUT' }
        }
        $client.EndConnect($pending)
        return [ordered]@{ ok = $true; latencyMs = [math]::Round($watch.Elapsed.TotalMilliseconds, 1); error = $null }
    } catch {
        $inner = $_.Exception.InnerException
        $code = if ($inner -is [Net.Sockets.SocketException]) { [string]$inner.SocketErrorCode } else { $_.Exception.Message }
        if ($code.Length -gt 200) { $code = $code.Substring(0, 200) }
        return [ordered]@{ ok = $false; latencyMs = $null; error = $code }
    } finally {
        $client.Close()
    }
}
