# State for kmswatch-agent.ps1: same layout as the Node agent (token.json, installation-key.txt,
# bookmarks.json, counters.json, spool\, rejected\) under $env:ProgramData\kmswatch.

$script:Utf8NoBom = New-Object System.Text.UTF8Encoding($false)

function Write-AgentLog {
    param([string]$Message)
    $line = "[kmswatch-agent] $(Get-IsoNow) $Message"
    # Write-Host, not Write-Output: functions that log also return values through the pipeline.
    Write-Host $line
    Add-Content -LiteralPath (Join-Path $script:StateDir 'agent.log') -Value $line -Encoding UTF8 -ErrorAction SilentlyContinue
}

function Get-IsoNow {
    (Get-Date).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [Globalization.CultureInfo]::InvariantCulture)
}

function Write-TextFile {
    param([string]$Path, [string]$Text)
    # Temp file + rename: a crash never leaves half a file behind.
    $tmp = "$Path.tmp"
    [IO.File]::WriteAllText($tmp, $Text, $script:Utf8NoBom)
    Move-Item -LiteralPath $tmp -Destination $Path -Force
}

function Read-JsonFile {
    param([string]$Path)
    if (-not (Test-Path -LiteralPath $Path)) { return $null }
    try {
        $text = [IO.File]::ReadAllText($Path, [Text.Encoding]::UTF8)
        if (-not $text.Trim()) { throw 'empty file' }
        return ($text | ConvertFrom-Json)
    } catch {
        # A damaged state file (disk full, a crash on a file system without atomic rename) must not
        # stop every future run: set it aside for a human and start from "unknown". Losing bookmarks
        # resends events the server already has (it deduplicates them); losing the token re-enrolls.
        $aside = "$Path.corrupt"
        Move-Item -LiteralPath $Path -Destination $aside -Force
        Write-AgentLog "$Path is not valid JSON ($($_.Exception.Message)); moved to $aside, starting without it"
        return $null
    }
}

function Protect-AgentFile {
    param([string]$Path)
    # Readable by SYSTEM and Administrators only (well-known SIDs, so any UI language works).
    & icacls.exe $Path /inheritance:r /grant:r '*S-1-5-18:(F)' '*S-1-5-32-544:(F)' | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "icacls failed on $Path" }
}

function Read-Bookmarks {
    $saved = Read-JsonFile (Join-Path $script:StateDir 'bookmarks.json')
    $bookmarks = @{}
    if ($saved) { foreach ($p in $saved.PSObject.Properties) { $bookmarks[$p.Name] = [long]$p.Value } }
    $bookmarks
}

function Save-Bookmarks {
    param([hashtable]$Bookmarks)
    Write-TextFile (Join-Path $script:StateDir 'bookmarks.json') (ConvertTo-Json -InputObject $Bookmarks)
}

function Read-Counters {
    $c = Read-JsonFile (Join-Path $script:StateDir 'counters.json')
    $counters = [ordered]@{ spoolCounter = 0; droppedTotal = 0; rejectedTotal = 0 }
    if ($c) { foreach ($k in @($counters.Keys)) { $p = $c.PSObject.Properties[$k]; if ($p) { $counters[$k] = [long]$p.Value } } }
    $counters
}

function Save-Counters {
    param($Counters)
    Write-TextFile (Join-Path $script:StateDir 'counters.json') (ConvertTo-Json -InputObject $Counters)
}

function Get-SpoolName {
    param([long]$Counter)
    # Sortable by collection time, then counter: "oldest first" is a name sort (as in the Node agent).
    $stamp = (Get-Date).ToUniversalTime().ToString("yyyyMMdd'T'HHmmssfff'Z'", [Globalization.CultureInfo]::InvariantCulture)
    '{0}-{1:D10}.json' -f $stamp, $Counter
}

function Get-SpoolEntries {
    $dir = Join-Path $script:StateDir 'spool'
    if (-not (Test-Path -LiteralPath $dir)) { return , @() }
    , @(Get-ChildItem -LiteralPath $dir -Filter '*.json' | Where-Object { $_.Name -match '^\d{8}T\d{9}Z-\d{10}\.json$' } | Sort-Object -Property Name)
}

function Limit-Spool {
    param([long]$MaxBytes, [double]$MaxAgeDays)
    # Over age first, then the oldest until the size fits; the newest payload is always kept.
    $entries = Get-SpoolEntries
    $total = ($entries | Measure-Object -Property Length -Sum).Sum
    $cutoff = (Get-Date).ToUniversalTime().AddDays(-$MaxAgeDays)
    $dropped = @()
    for ($i = 0; $i -lt $entries.Count - 1; $i++) {
        $entry = $entries[$i]
        $taken = [datetime]::ParseExact($entry.Name.Substring(0, 19), "yyyyMMdd'T'HHmmssfff'Z'", [Globalization.CultureInfo]::InvariantCulture)
        if ($taken -lt $cutoff -or $total -gt $MaxBytes) {
            $total -= $entry.Length
            Remove-Item -LiteralPath $entry.FullName -Force
            $dropped += $entry.Name
        }
    }
    , $dropped
}

function Move-ToRejected {
    param([IO.FileInfo]$Entry, [string]$Reason)
    # Refused by the server (400/413): kept with the answer, never retried, never lost.
    $dir = Join-Path $script:StateDir 'rejected'
    New-Item -ItemType Directory -Path $dir -Force | Out-Null
    $target = Join-Path $dir $Entry.Name
    Move-Item -LiteralPath $Entry.FullName -Destination $target -Force
    [IO.File]::WriteAllText("$target.error.txt", $Reason, $script:Utf8NoBom)
    $target
}

function New-InstallationKey {
    # 32 random bytes, base64url without padding (43 characters), as the Node agent makes it.
    $bytes = New-Object byte[] 32
    $rng = [Security.Cryptography.RandomNumberGenerator]::Create()
    try { $rng.GetBytes($bytes) } finally { $rng.Dispose() }
    [Convert]::ToBase64String($bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')
}

function Get-InstallationKey {
    # The key sent with every enrollment (README "Security": agent identities). Generated, saved and
    # ACL'd like the token before the request, only when this agent never enrolled (no token.json): a
    # lost key is not replaced on an enrolled machine, where a new key could not re-enroll anyway while
    # the old agent is active. Then the agent enrolls without a key and says so.
    $path = Join-Path $script:StateDir 'installation-key.txt'
    if (Test-Path -LiteralPath $path) {
        $text = ([IO.File]::ReadAllText($path)).Trim()
        if ($text -cmatch '^[\x21-\x7e]{32,256}$') { return $text }
        $aside = "$path.corrupt"
        Move-Item -LiteralPath $path -Destination $aside -Force
        Write-AgentLog "$path is damaged (not 32-256 printable ASCII characters); moved to $aside"
    }
    if (-not (Test-Path -LiteralPath (Join-Path $script:StateDir 'token.json'))) {
        $key = New-InstallationKey
        Write-TextFile $path $key
        Protect-AgentFile $path
        Write-AgentLog "generated this installation's key (installation-key.txt)"
        return $key
    }
    Write-AgentLog ("warning: installation-key.txt is missing but this agent enrolled before; enrolling without it. " +
        "While this machine's old agent is active the server refuses that (409): an administrator revokes it on the Agents page (Settings > Agents).")
    $null
}
