# The Windows PowerShell 5.1 guard: pwsh 7 (which runs these tests) accepts syntax and parameters that
# 5.1 - what most Windows machines run the agent with - rejects or ignores. Walks the AST of a script
# and returns "file:line: what" for each 7-only construct found.

# Parameters that exist only in PowerShell 6+/7+ (command => parameters).
$script:Ps7OnlyParameters = @{
    'ForEach-Object'    = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob')
    'ConvertFrom-Json'  = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
    'ConvertTo-Json'    = @('AsArray', 'EnumsAsStrings', 'EscapeHandling')
    'Invoke-WebRequest' = @('SkipHttpErrorCheck', 'ResponseHeadersVariable', 'StatusCodeVariable', 'SkipCertificateCheck', 'SslProtocol', 'Authentication', 'Token', 'NoProxy', 'MaximumRetryCount', 'RetryIntervalSec', 'Form', 'Resume', 'SkipHeaderValidation', 'AllowInsecureRedirect', 'HttpVersion')
    'Invoke-RestMethod' = @('SkipHttpErrorCheck', 'ResponseHeadersVariable', 'StatusCodeVariable', 'SkipCertificateCheck', 'SslProtocol', 'Authentication', 'Token', 'NoProxy', 'MaximumRetryCount', 'RetryIntervalSec', 'Form', 'Resume', 'FollowRelLink', 'SkipHeaderValidation', 'AllowInsecureRedirect', 'HttpVersion')
    'Get-Content'       = @('AsByteStream')
    'Set-Content'       = @('AsByteStream')
    'Add-Content'       = @('AsByteStream')
    'Get-Date'          = @('AsUTC', 'UnixTimeSeconds')
    'Split-Path'        = @('LeafBase', 'Extension')
    'Join-Path'         = @('AdditionalChildPath')
    'Sort-Object'       = @('Top', 'Bottom', 'Stable')
    'Select-Object'     = @('SkipIndex')
    'Select-String'     = @('Raw', 'NoEmphasis')
    'Test-Connection'   = @('TargetName', 'TcpPort', 'Ping', 'Traceroute', 'MtuSize')
    'Start-Process'     = @('Environment')
}
# Cmdlets 5.1 does not have at all.
$script:Ps7OnlyCommands = @('Test-Json', 'Get-Error', 'Join-String', 'Get-Uptime', 'ConvertFrom-Markdown', 'Show-Markdown', 'Remove-Alias', 'Get-ExperimentalFeature', 'Update-List')
# Automatic variables 5.1 lacks: under Set-StrictMode they are an error, without it silently $null.
$script:Ps7OnlyVariables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle')
# Encoding names 5.1's -Encoding does not know.
$script:Ps7OnlyEncodings = @('utf8NoBOM', 'utf8BOM', 'ansi')

function Find-Ps7OnlySyntax {
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Text)
    $tokens = $null
    $errors = $null
    if ($PSBoundParameters.ContainsKey('Text')) {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, $Path, [ref]$tokens, [ref]$errors)
    } else {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        # 5.1 reads a BOM-less file as ANSI: any non-ASCII character would be mangled.
        $bytes = [IO.File]::ReadAllBytes($Path)
        $bom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
        if (-not $bom) { for ($i = 0; $i -lt $bytes.Length; $i++) { if ($bytes[$i] -gt 127) { "${Path}: non-ASCII byte at offset $i in a file without a UTF-8 BOM (5.1 reads it as ANSI)"; break } } }
    }
    foreach ($e in @($errors)) { if ($e) { "${Path}:$($e.Extent.StartLineNumber): parse error: $($e.Message)" } }
    $L = 'System.Management.Automation.Language'
    foreach ($node in $ast.FindAll({ $true }, $true)) {
        $line = "${Path}:$($node.Extent.StartLineNumber)"
        $kind = $node.GetType().Name
        if ($kind -eq 'TernaryExpressionAst') { "${line}: ternary '? :' (pwsh 7)" }
        elseif ($kind -eq 'PipelineChainAst') { "${line}: '&&' / '||' pipeline chain (pwsh 7)" }
        elseif ($kind -eq 'BinaryExpressionAst' -and [string]$node.Operator -eq 'QuestionQuestion') { "${line}: '??' (pwsh 7)" }
        elseif ($kind -eq 'AssignmentStatementAst' -and [string]$node.Operator -eq 'QuestionQuestionEquals') { "${line}: '??=' (pwsh 7)" }
        elseif (($kind -eq 'MemberExpressionAst' -or $kind -eq 'InvokeMemberExpressionAst' -or $kind -eq 'IndexExpressionAst') -and $node.NullConditional) { "${line}: '?.' / '?[]' (pwsh 7)" }
        elseif ($kind -eq 'ConvertExpressionAst' -and $node.Type.TypeName.Name -eq 'ordered' -and $node.Child -isnot [System.Management.Automation.Language.HashtableAst]) { "${line}: [ordered] on something other than a hashtable literal" }
        elseif ($kind -eq 'VariableExpressionAst' -and $node.VariablePath.UserPath.EndsWith('?')) { "${line}: `$$($node.VariablePath.UserPath) is a variable named with '?', not '?.' (null-conditional is pwsh 7 anyway)" }
        elseif ($kind -eq 'VariableExpressionAst' -and $script:Ps7OnlyVariables -contains $node.VariablePath.UserPath) { "${line}: `$$($node.VariablePath.UserPath) does not exist in 5.1" }
        elseif (($kind -eq 'StringConstantExpressionAst' -or $kind -eq 'ExpandableStringExpressionAst') -and $node.Extent.Text -match '`u\{') { "${line}: unicode escape (backtick u{...}, pwsh 6+)" }
        elseif ($kind -eq 'CommandAst') { Find-Ps7OnlyCommandUse -Command $node -Line $line }
    }
}

function Find-Ps7OnlyCommandUse {
    param($Command, [string]$Line)
    $name = $Command.GetCommandName()
    if (-not $name) { return }
    $canonical = @($script:Ps7OnlyParameters.Keys + $script:Ps7OnlyCommands) | Where-Object { $_ -eq $name } | Select-Object -First 1
    if ($script:Ps7OnlyCommands -contains $name) { "${Line}: $name does not exist in 5.1"; return }
    $parameters = @($Command.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })
    if ($canonical) {
        foreach ($p in $parameters) {
            # A unique prefix binds like the full name (-AsHash is -AsHashtable).
            $hit = $script:Ps7OnlyParameters[$canonical] | Where-Object { $_ -like "$($p.ParameterName)*" } | Select-Object -First 1
            if ($hit -and $p.ParameterName.Length -ge 3) { "${Line}: $name -$hit (pwsh 6+)" }
        }
    }
    foreach ($p in $parameters) {
        if ($p.ParameterName -eq 'Encoding' -and $p.Argument -eq $null) {
            $i = [array]::IndexOf($Command.CommandElements, $p)
            $value = [string]$Command.CommandElements[$i + 1].Extent.Text
            if ($script:Ps7OnlyEncodings -contains $value.Trim("'`"")) { "${Line}: -Encoding $value (pwsh 6+)" }
        }
    }
    # Join-Path with several child paths binds them to -AdditionalChildPath (pwsh 6+).
    if ($name -eq 'Join-Path') {
        $positional = @($Command.CommandElements | Select-Object -Skip 1 | Where-Object { $_ -isnot [System.Management.Automation.Language.CommandParameterAst] })
        if ($positional.Count -gt 2 -and $parameters.Count -eq 0) { "${Line}: Join-Path with more than one child path (pwsh 6+)" }
    }
    # Without -UseBasicParsing, 5.1 needs Internet Explorer's engine, absent or never started for SYSTEM.
    if (($name -eq 'Invoke-WebRequest' -or $name -eq 'Invoke-RestMethod') -and -not ($parameters | Where-Object { 'UseBasicParsing' -like "$($_.ParameterName)*" })) {
        "${Line}: $name without -UseBasicParsing (5.1 then needs Internet Explorer)"
    }
}
