namespace CopLive.Gateway.Hosting;

/// <summary>What the gateway started with, for the start-up banner.</summary>
internal sealed record GatewayStartup(GatewayMode Mode, string DataFolder, string? AdminKeyFile);
