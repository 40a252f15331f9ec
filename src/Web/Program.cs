using VideoGen.Grains.Storage;
using VideoGen.Silo.Extensions;
using VideoGen.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddVideoGenStore();
builder.AddSilo();
builder.AddOrleansCluster();
builder.AddWebUi();
builder.AddApi();
builder.AddAccounts();
builder.AddSharedDataProtection();

var app = builder.Build();
app.UseWebUi();
app.MapVideoGenHealth();
app.MapApi();
app.Run();

/// <summary>The web host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
