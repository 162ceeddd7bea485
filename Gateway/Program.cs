using CopLive.Gateway.Hosting;

// Settings ship beside the binary; the working directory is only where ./data lives.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCopLiveGateway();

var app = builder.Build();
app.MapCopLiveGateway();
app.Run();
