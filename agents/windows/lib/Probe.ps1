# Reachability probe for kmswatch-agent.ps1: which KMS host this machine uses, its SRV records, TCP to it.
# Windows PowerShell 5.1, built-in cmdlets only.

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
    if (-not $target) { $target = Get-KmsCimTarget -Cim $Cim }
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

function Get-KmsCimTarget {
    param($Cim)
    # Without /dlv (no VBScript) the same answers come from CIM: /skms registration, then DNS discovery.
    $objects = @($Cim.service) + @($Cim.products) | Where-Object { $_ }
    foreach ($pair in @(@('KeyManagementServiceMachine', 'KeyManagementServicePort', 'registered'), @('DiscoveredKeyManagementServiceMachineName', 'DiscoveredKeyManagementServiceMachinePort', 'dns'))) {
        foreach ($o in $objects) {
            $hostProp = $o.PSObject.Properties[$pair[0]]
            if (-not $hostProp -or -not ([string]$hostProp.Value).Trim()) { continue }
            $port = 1688
            $portProp = $o.PSObject.Properties[$pair[1]]
            if ($portProp -and [int]$portProp.Value -gt 0 -and [int]$portProp.Value -le 65535) { $port = [int]$portProp.Value }
            return [ordered]@{ host = ([string]$hostProp.Value).Trim(); port = $port; source = $pair[2] }
        }
    }
    $null
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
