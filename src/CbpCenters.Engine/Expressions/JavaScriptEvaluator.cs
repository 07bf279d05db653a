using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using JsonParser = Jint.Native.Json.JsonParser;
using JsonSerializer = Jint.Native.Json.JsonSerializer;

namespace CbpCenters.Engine.Expressions;

/// <summary>
/// Evaluates JavaScript expressions with Jint. Each evaluation gets a fresh interpreter with no CLR access,
/// so one instance's script can neither see nor disturb another's.
/// </summary>
public sealed partial class JavaScriptEvaluator(ExpressionLimits limits)
{
    /// <summary>
    /// <c>case</c> is a reserved word in JavaScript, yet it is the natural name for the case a workflow works on.
    /// Member access on it (<c>case.protestNumber</c>, <c>case["x"]</c>) is rewritten to the global <c>$case</c>.
    /// </summary>
    private static string Rewrite(string expression) => CaseAccess().Replace(expression, "$$case");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w$.])case(?=\s*[.\[])")]
    private static partial System.Text.RegularExpressions.Regex CaseAccess();

    private readonly ConcurrentDictionary<string, Prepared<Script>> _prepared = new();

    public JavaScriptEvaluator() : this(new ExpressionLimits()) { }

    /// <summary>Returns the parse error of <paramref name="expression"/>, or null when it parses.</summary>
    public static string? ParseError(string expression)
    {
        try
        {
            JsEngine.PrepareScript(Rewrite(expression));
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            return (ex.InnerException?.Message ?? ex.Message).Replace("<anonymous>", "expression");
        }
    }

    public JsonNode? Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> scope)
    {
        var script = _prepared.GetOrAdd(expression, static e =>
        {
            try { return JsEngine.PrepareScript(Rewrite(e)); }
            catch (ScriptPreparationException ex) { throw new ExpressionException($"Expression does not parse: {ex.InnerException?.Message ?? ex.Message}", ex); }
        });
        var engine = new JsEngine(options =>
        {
            options.Strict = false;
            options.TimeoutInterval(limits.Timeout);
            options.MaxStatements(limits.MaxStatements);
            options.LimitMemory(limits.MaxMemoryBytes);
            options.LimitRecursion(limits.MaxRecursion);
        });
        try
        {
            var parser = new JsonParser(engine);
            foreach (var (name, value) in scope)
                engine.SetValue(name == "case" ? "$case" : name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
            var result = engine.Evaluate(script);
            return ToJson(engine, result);
        }
        catch (TimeoutException ex) { throw Limit("took longer than " + limits.Timeout.TotalMilliseconds + " ms", ex); }
        catch (StatementsCountOverflowException ex) { throw Limit($"ran more than {limits.MaxStatements} statements", ex); }
        catch (MemoryLimitExceededException ex) { throw Limit($"used more than {limits.MaxMemoryBytes / 1_000_000} MB", ex); }
        catch (RecursionDepthOverflowException ex) { throw Limit($"recursed deeper than {limits.MaxRecursion}", ex); }
        catch (JavaScriptException ex) { throw new ExpressionException($"Expression `{Shorten(expression)}` failed: {ex.Message}", ex); }
        catch (ExpressionException) { throw; }
        catch (Exception ex) when (ex is JintException or InvalidOperationException or ArgumentException)
        {
            throw new ExpressionException($"Expression `{Shorten(expression)}` failed: {ex.Message}", ex);
        }

        ExpressionException Limit(string what, Exception ex) =>
            new($"Expression `{Shorten(expression)}` was stopped: it {what}.", ex);
    }

    public bool EvaluateBoolean(string expression, IReadOnlyDictionary<string, JsonNode?> scope) => Evaluate(expression, scope) switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };

    private static JsonNode? ToJson(JsEngine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull()) return null;
        if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
        if (value.IsString()) return JsonValue.Create(value.AsString());
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            return d == Math.Floor(d) && Math.Abs(d) < 9e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }
        if (value.IsDate()) return JsonValue.Create(new DateTimeOffset(value.AsDate().ToDateTime()).ToUniversalTime());
        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    private static string Shorten(string expression) =>
        expression.Length <= 80 ? expression : expression[..77] + "...";
}
