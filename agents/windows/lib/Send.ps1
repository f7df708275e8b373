# HTTP for kmswatch-agent.ps1: enroll, ingest, exponential backoff with full jitter.

function Invoke-KmsPost {
    param([string]$Url, [string]$Json, [string]$Token, [int]$TimeoutSec)
    # Returns @{ Status; Body } for every HTTP answer; Status 0 means a network error.
    $headers = @{}
    if ($Token) { $headers['Authorization'] = "Bearer $Token" }
    $bytes = [Text.Encoding]::UTF8.GetBytes($Json)
    try {
        $r = Invoke-WebRequest -Uri $Url -Method Post -Body $bytes -ContentType 'application/json; charset=utf-8' `
            -Headers $headers -UseBasicParsing -TimeoutSec $TimeoutSec
        return @{ Status = [int]$r.StatusCode; Body = [string]$r.Content; RetryAfter = $null }
    } catch {
        # Windows PowerShell 5.1 throws a WebException (body in the response stream); PowerShell 7
        # an HttpResponseException (body in ErrorDetails). No Response at all: a network error.
        $ex = $_.Exception
        $response = $null
        if ($ex.PSObject.Properties['Response']) { $response = $ex.Response }
        if ($null -eq $response) { return @{ Status = 0; Body = $ex.Message; RetryAfter = $null } }
        if ($ex -is [Net.WebException]) {
            $reader = New-Object IO.StreamReader($response.GetResponseStream())
            $body = $reader.ReadToEnd()
            $reader.Close()
            return @{ Status = [int]$response.StatusCode; Body = $body; RetryAfter = $response.Headers['Retry-After'] }
        }
        $body = ''
        if ($_.ErrorDetails) { $body = [string]$_.ErrorDetails.Message }
        $retryAfter = $null
        # Delay-seconds only (what the server sends). PowerShell unwraps the Nullable TimeSpan: no `.Value`.
        if ($response.Headers.RetryAfter -and $null -ne $response.Headers.RetryAfter.Delta) { $retryAfter = [string][int]([TimeSpan]$response.Headers.RetryAfter.Delta).TotalSeconds }
        return @{ Status = [int]$response.StatusCode; Body = $body; RetryAfter = $retryAfter }
    }
}

function Get-KmsErrorCode {
    param([string]$Body)
    # The `code` of the server's JSON error shape, or $null.
    try { $parsed = $Body | ConvertFrom-Json } catch { return $null }
    if ($parsed -and $parsed.PSObject.Properties['error'] -and $parsed.error -and $parsed.error.PSObject.Properties['code']) { return [string]$parsed.error.code }
    $null
}

function Get-RetryAfterDelay {
    param([double]$Seconds)
    # The server's wait (at least 1 s, at most 10 min) plus 0-20 % more, so a fleet it turned away
    # (503 database away or overloaded, 429 rate limits) does not come back at one instant.
    $base = 1000 * [math]::Min([math]::Max($Seconds, 1), 600)
    [int]($base * (1 + 0.2 * (Get-Random -Minimum 0.0 -Maximum 1.0)))
}

function Invoke-KmsWithRetry {
    param([string]$Label, [string]$Url, [string]$Json, [string]$Token)
    # Network errors, 5xx, 408 and 429 are retried while the run's deadline allows: after the server's
    # Retry-After plus jitter when it sent one, else after a random wait in [0, 0.5 s * 2^n) capped at
    # 60 s. $null means "gave up for this run" (the payload stays in the spool, exit 3).
    $attempt = 0
    while ($true) {
        $left = ($script:Deadline - (Get-Date)).TotalSeconds
        if ($left -le 1) {
            Write-AgentLog "${Label}: giving up for this run (MaxRunSeconds reached)"
            return $null
        }
        $answer = Invoke-KmsPost -Url $Url -Json $Json -Token $Token -TimeoutSec ([int][math]::Min(30, $left))
        $s = $answer.Status
        if (-not ($s -eq 0 -or $s -ge 500 -or $s -eq 429 -or $s -eq 408)) { return $answer }
        # Enrollment disabled is the server's configuration, not a passing state: waiting will not fix it.
        if ($s -eq 503 -and (Get-KmsErrorCode $answer.Body) -eq 'enrollment_disabled') { return $answer }
        $asked = ''
        if ([string]$answer.RetryAfter -match '^\s*\d+\s*$') {
            $seconds = [double]([string]$answer.RetryAfter).Trim()
            $delay = Get-RetryAfterDelay -Seconds $seconds
            $asked = " (Retry-After $seconds s)"
        } else {
            $ceiling = [math]::Min(60000, 500 * [math]::Pow(2, [math]::Min($attempt, 20)))
            $delay = [int](Get-Random -Minimum 0 -Maximum ([int]$ceiling))
        }
        if ((Get-Date).AddMilliseconds($delay) -ge $script:Deadline) {
            Write-AgentLog "${Label}: answer $s ($($answer.Body))$asked; giving up for this run (MaxRunSeconds reached)"
            return $null
        }
        Write-AgentLog "${Label}: answer $s ($($answer.Body)); retrying in $delay ms$asked"
        Start-Sleep -Milliseconds $delay
        $attempt++
    }
}

function Invoke-KmsEnroll {
    param([string]$Why)
    if (-not $script:EnrollSecret) {
        if ($Why -eq 'first') { throw [System.Security.Authentication.AuthenticationException]'not enrolled yet: run with -EnrollSecret to enroll' }
        throw [System.Security.Authentication.AuthenticationException]'token revoked or unknown; run with -EnrollSecret to enroll again'
    }
    $request = [ordered]@{ enrollSecret = $script:EnrollSecret; hostname = $script:HostName; fqdn = $script:Fqdn }
    $key = Get-InstallationKey
    if ($key) { $request['installationKey'] = $key }
    $body = ConvertTo-Json -Compress -InputObject $request
    $answer = Invoke-KmsWithRetry -Label 'enroll' -Url "$script:ServerUrl/api/v1/enroll" -Json $body -Token $null
    if ($null -eq $answer) { return $null }
    if ($answer.Status -eq 401) { throw [System.Security.Authentication.AuthenticationException]"the server refused the enroll secret ($($answer.Body))" }
    if ($answer.Status -eq 409) {
        # Another installation holds this machine: retrying cannot help, an administrator must act.
        throw ("the server refused this enrollment ($script:ServerUrl): $script:Fqdn already has an active agent enrolled by another installation " +
            '(a reinstalled machine, a lost state folder, or two machines with one name). An administrator must revoke the old agent ' +
            "on the Agents page (Settings > Agents); the next run then enrolls by itself. ($($answer.Body))")
    }
    if ($answer.Status -eq 503) { throw 'enrollment is disabled on the server (503)' }
    if ($answer.Status -ne 201) { throw "enroll failed: $($answer.Status) $($answer.Body)" }
    $enrolled = $answer.Body | ConvertFrom-Json
    $tokenFile = Join-Path $script:StateDir 'token.json'
    $saved = [ordered]@{ server = $script:ServerUrl; agentId = $enrolled.agentId; token = $enrolled.token; fqdn = $script:Fqdn; enrolledAt = Get-IsoNow }
    Write-TextFile $tokenFile (ConvertTo-Json -InputObject $saved)
    Protect-AgentFile $tokenFile
    Write-AgentLog "enrolled as $script:Fqdn (agent $($enrolled.agentId))"
    $enrolled.token
}

function Read-SavedToken {
    $saved = Read-JsonFile (Join-Path $script:StateDir 'token.json')
    if ($saved -and $saved.server -eq $script:ServerUrl) { return [string]$saved.token }
    $null
}

function Send-KmsSpool {
    # Sends the spool oldest first; a payload is deleted only after a 200. Returns the run's exit
    # code (0 done, 2 an operator must act, 3 payloads left for the next run) and what was sent.
    $result = [ordered]@{ ExitCode = 0; Sent = 0; Rejected = 0 }
    try {
        $token = Read-SavedToken
        $reenrolled = $false
        $entries = Get-SpoolEntries
        $i = 0
        while ($i -lt $entries.Count) {
            $entry = $entries[$i]
            if (-not $token) { $token = Invoke-KmsEnroll -Why 'first' }
            $answer = $null
            if ($token) { $answer = Invoke-KmsWithRetry -Label "send $($entry.Name)" -Url "$script:ServerUrl/api/v1/ingest" -Json ([IO.File]::ReadAllText($entry.FullName, [Text.Encoding]::UTF8)) -Token $token }
            if ($null -eq $answer) { $result.ExitCode = 3; break }
            if ($answer.Status -eq 401) {
                # Expired or revoked: enroll again once per run (needs the secret), then resend.
                if ($reenrolled -or -not $script:EnrollSecret) { throw [System.Security.Authentication.AuthenticationException]"token revoked or unknown; run with -EnrollSecret to enroll again ($($answer.Body))" }
                Write-AgentLog "token refused ($($answer.Body)); enrolling again"
                $reenrolled = $true
                $token = Invoke-KmsEnroll -Why 'again'
                continue
            }
            if ($answer.Status -eq 400 -or $answer.Status -eq 413 -or $answer.Status -eq 422) {
                $where = Move-ToRejected -Entry $entry -Reason "$($answer.Status) $($answer.Body)"
                Write-AgentLog "server refused $($entry.Name) ($($answer.Status) $($answer.Body)); kept in $where"
                $result.Rejected++
            } elseif ($answer.Status -eq 200) {
                Remove-Item -LiteralPath $entry.FullName -Force
                Write-AgentLog "sent $($entry.Name): $($answer.Body)"
                $result.Sent++
            } else {
                throw "ingest failed: $($answer.Status) $($answer.Body)"
            }
            $i++
        }
    } catch {
        # Refused secret, revoked token without a secret, enrollment disabled, an unexpected answer.
        Write-AgentLog "stopped: $($_.Exception.Message)"
        $result.ExitCode = 2
    }
    $result
}
