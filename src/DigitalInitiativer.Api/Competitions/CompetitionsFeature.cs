using DigitalInitiativer.Api.Data;
using DigitalInitiativer.Api.GraphQL;
using DigitalInitiativer.Api.GraphQL.Authorization;
using DigitalInitiativer.Api.GraphQL.Relay;
using DigitalInitiativer.Api.Identity;
using DigitalInitiativer.Api.Initiatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DigitalInitiativer.Api.Competitions;

/// <summary>How often the app looks for competitions whose voting has closed by their schedule, from "Competitions".</summary>
public sealed class CompetitionSettings
{
    public const string Section = "Competitions";

    public double CloseCheckSeconds { get; set; } = 60;
}

/// <summary>
/// Submitting, co-authoring, voting and commenting count as taking part in the competition's initiative, so
/// Initiative.reach shows which profile groups the competition reached, exactly as for a course.
/// <para>
/// Secret ballot: they are recorded once, when voting has closed, for everyone at once, in a random order and with the
/// same dates (the initiative's start). While people vote, nothing a manager can see about people changes, so the
/// participant list cannot be laid beside the vote counts to link a voter to a proposal. Everyone who took part up to
/// then is recorded; comments written after that are not participation.
/// </para>
/// <para>
/// Phases move on by the clock, so nothing happens in the database when a schedule's voting closes. This service looks
/// every <see cref="CompetitionSettings.CloseCheckSeconds"/> for closed competitions whose participants are not
/// recorded yet. A manager who moves a competition on by hand records them at once (<see cref="CompetitionService.AdvanceAsync"/>).
/// </para>
/// </summary>
public sealed partial class CompetitionParticipation(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CompetitionSettings> settings,
    ILogger<CompetitionParticipation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.CloseCheckSeconds), clock);
        do
        {
            try
            {
                await RecordClosedAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RecordClosedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<CompetitionStore>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Competitions().Where(IdeaCompetition.ClosedWithParticipationUnrecorded(now)).Select(c => c.Id).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var id in due) added += await store.RecordParticipantsOnceAsync(id, now, cancellationToken);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the participants of closed competitions failed; trying again at the next check.")]
    private static partial void LogFailed(ILogger logger, Exception error);
}

public static class CompetitionsFeature
{
    public static IServiceCollection AddCompetitions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CompetitionSettings>(configuration.GetSection(CompetitionSettings.Section));
        services.AddScoped<CompetitionLookup>().AddScoped<CompetitionScope>().AddScoped<CompetitionReads>().AddScoped<CompetitionStore>().AddScoped<ProposalReads>()
            .AddScoped<AuthorNotices>().AddScoped<CommentModeration>().AddScoped<RealisationService>()
            .AddScoped<CompetitionService>().AddScoped<ProposalService>().AddScoped<VotingService>().AddScoped<CommentService>().AddScoped<CoAuthorshipService>();
        services.AddSingleton<VoteEvents>();
        services.AddSingleton<IPostgresChannel>(sp => sp.GetRequiredService<VoteEvents>());
        services.AddSingleton<CompetitionParticipation>();
        services.AddHostedService(sp => sp.GetRequiredService<CompetitionParticipation>());
        services.AddSingleton<IInitiativeCreated, CompetitionForNewInitiative>();
        services.AddFieldsFor<InitiativeType, CompetitionOfInitiative>();
        services.AddFieldsFor<ViewerType, OwnCoAuthorInvitations>();
        services.AddFieldsFor<ViewerType, OwnCompetitionActivity>();
        return services
            .AddNodeSource<IdeaCompetition>(IdeaCompetitionType.TypeName, (sp, c) => ValueTask.FromResult(sp.GetRequiredService<CompetitionScope>().IsVisible(c)))
            .AddNodeSource<Proposal>(ProposalType.TypeName)
            .AddNodeSource<ProposalComment>(ProposalCommentType.TypeName)
            .AddNodeSource<RealisationMilestone>(RealisationMilestoneType.TypeName)
            .AddNodeSource<CommentReport>(CommentReportType.TypeName, (sp, _) => ValueTask.FromResult(sp.GetRequiredService<Viewer>().IsInAnyRole(Roles.Managers)));
    }
}
