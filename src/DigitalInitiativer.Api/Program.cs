using DigitalInitiativer.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDigitalInitiativer();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapDigitalInitiativer();
app.AnnounceGraphQLUrl();
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
