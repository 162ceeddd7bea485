using CopLive.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// A standalone silo for cluster deployments: `dotnet run --project Silo -- --Storage:Provider=Postgres
// --Storage:ConnectionString=...`; gateways join it with --Orleans:Mode=Client.
var builder = Host.CreateApplicationBuilder(args);
builder.AddCopLiveSilo();
await builder.Build().RunAsync();
