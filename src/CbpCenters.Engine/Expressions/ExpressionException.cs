namespace CbpCenters.Engine.Expressions;

/// <summary>An expression that did not parse or did not run; the message is written for the supervisor who wrote it.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
