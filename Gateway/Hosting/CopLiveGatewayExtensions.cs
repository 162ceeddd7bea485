using CopLive.Gateway.Api;
using CopLive.Gateway.Auth;
using CopLive.Gateway.Cluster;
using CopLive.Gateway.Fanout;
using CopLive.Gateway.Health;
using CopLive.Gateway.Hubs;
using CopLive.Gateway.Moderation;
using CopLive.Gateway.Observability;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Json;
using CopLive.Silo.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace CopLive.Gateway.Hosting;

/// <summary>Composition of the gateway: grains (embedded silo or cluster client), credentials and the REST API.</summary>
public static class CopLiveGatewayExtensions
{
    /// <summary>Registers everything the gateway needs, reading and validating its configuration.</summary>
    public static WebApplicationBuilder AddCopLiveGateway(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue($"{CopLiveClusterOptions.Section}:Mode", GatewayMode.Embedded);
        builder.Services.AddSingleton<SiloLoss>();
        builder.Services.AddSingleton<SubscriptionRenewal>();
        if (mode == GatewayMode.Client)
        {
            builder.AddCopLiveClusterClient();
            builder.Services.AddSingleton<IClusterConnectionStatusObserver, GatewayConnectionWatch>();
        }
        else
        {
            builder.AddCopLiveSilo();
            builder.Services.AddHostedService<MembershipWatch>();
        }

        var dataFolder = DataFolder.Resolve(builder.Configuration);
        var auth = ValidatedOptions.Read<AuthOptions>(builder.Configuration, AuthOptions.Section);
        var keys = ServerKeys.Load(auth, dataFolder);
        builder.Services.AddSingleton(auth);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<MemberTokens>();
        builder.Services.AddSingleton(new GatewayStartup(mode, dataFolder, keys.AdminKeyFile));
        builder.Services.AddHostedService<StartupBanner>();

        builder.Services.AddCopLiveAuthentication();
        builder.Services.ConfigureHttpJsonOptions(o => ProtocolJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // SignalR logs every exception a hub method throws as an error, refusals included; RefusalHubFilter logs
        // the real faults instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None);
        builder.Services.AddSignalR(o =>
            {
                o.MaximumReceiveMessageSize = CopLiveLimits.HubMessageBytes;
                o.AddFilter<RefusalHubFilter>();
            })
            .AddJsonProtocol(o => ProtocolJson.Configure(o.PayloadSerializerOptions));
        builder.Services.Replace(ServiceDescriptor.Singleton(typeof(HubLifetimeManager<>), typeof(BoundedHubLifetimeManager<>)));
        builder.Services.AddSingleton(ValidatedOptions.Read<FanoutOptions>(builder.Configuration, FanoutOptions.Section));
        var gateways = ValidatedOptions.Read<GatewayAddresses>(builder.Configuration, GatewayAddresses.Section);
        builder.Services.AddSingleton(gateways);
        // A page served by one gateway calls another once its own is lost: allow the cluster's own origins, nothing
        // else. Tokens travel in the Authorization header (or access_token), never in cookies.
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins([.. gateways.Origins]).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Content-Disposition", "Retry-After")));
        builder.Services.AddSingleton<DocumentFanout>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DocumentFanout>());
        builder.Services.AddSingleton<SessionFanout>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SessionFanout>());
        builder.Services.AddSingleton<IUserIdProvider, MemberIdProvider>();
        builder.Services.AddSingleton<MemberConnections>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MemberConnections>());
        builder.Services.AddSingleton<RoomFanout>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RoomFanout>());
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<PulseSampler>();
        builder.Services.AddSingleton<ModerationBoard>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModerationBoard>());

        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = CopLiveLimits.RequestBodyBytes);
        return builder;
    }

    /// <summary>Maps the REST API and the health endpoints.</summary>
    public static WebApplication MapCopLiveGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The browser client: its files, and its pages' addresses (an invite link, a session) answered by index.html.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();

        // Liveness: the process serves HTTP. Readiness: the grains behind it answer.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapHub<LiveHub>(HubPaths.Live);
        app.MapHub<AdminHub>(HubPaths.Admin);
        app.MapFallbackToFile("/join/{code}", "index.html");
        app.MapFallbackToFile("/sessions/{id:guid}", "index.html");
        app.MapFallbackToFile("/communities/{id:guid}/library", "index.html");
        app.MapFallbackToFile("/documents/{id:guid}", "index.html");
        app.MapFallbackToFile("/communities/{id:guid}/audit", "index.html");
        app.MapFallbackToFile("/communities/{id:guid}/manage", "index.html");
        app.MapFallbackToFile("/admin", "index.html");
        app.MapGroup("/api")
            .MapCommunityEndpoints()
            .MapJoinEndpoints()
            .MapSessionEndpoints()
            .MapSeriesEndpoints()
            .MapDocumentEndpoints()
            .MapMeEndpoints()
            .MapGatewayEndpoints();
        return app;
    }
}
