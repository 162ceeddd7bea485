using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Silo.Access;
using NodaTime;

namespace CopLive.Silo.Tests.Access;

/// <summary>The rights check every grain makes, without a grain: the table decides, refusals of privileged rights are recorded.</summary>
public sealed class GatekeeperTests
{
    private static readonly Instant Joined = Instant.FromUtc(2026, 9, 1, 8, 0);
    private static readonly CommunityMember Teacher = new(MemberId.New(), "Teacher", CommunityRole.Member, Joined);
    private static readonly CommunityMember Facilitator = new(MemberId.New(), "Facilitator", CommunityRole.Facilitator, Joined);

    private readonly Refusals _refusals = new();
    private readonly Gatekeeper _gate;

    public GatekeeperTests() =>
        _gate = new Gatekeeper(m => Task.FromResult(new[] { Teacher, Facilitator }.FirstOrDefault(c => c.Member == m)), _refusals);

    [Fact]
    public async Task AMemberHoldingTheRight_GetsTheirMembership()
    {
        Assert.Equal(Facilitator, await _gate.RequireAsync(Caller.ForMember(Facilitator.Member), Right.RunBreakouts, new Attempt(AuditActions.RoundOpened)));
        Assert.Null(await _gate.RequireAsync(Caller.Admin, Right.RunBreakouts, new Attempt(AuditActions.RoundOpened)));
        Assert.Empty(_refusals.Recorded);
    }

    [Fact]
    public async Task ARefusedPrivilegedCall_IsRecordedAsTheActionItAttempted()
    {
        var refusal = await Assert.ThrowsAsync<CopLiveException>(() =>
            _gate.RequireAsync(Caller.ForMember(Teacher.Member), Right.RunBreakouts, new Attempt(AuditActions.RoundOpened, null, "Weekly PLC")));

        Assert.Equal(CopLiveError.Forbidden, refusal.Code);
        Assert.Equal(AccessRules.For(Right.RunBreakouts).Refusal, refusal.Message);
        Assert.Equal((AuditActions.RoundOpened, "Weekly PLC"), (Assert.Single(_refusals.Recorded).Action, _refusals.Recorded[0].Detail));
    }

    [Fact]
    public async Task AnOutsider_IsToldTheyAreNotAMember_AndAnUnauditedRefusalIsNotRecorded()
    {
        var refusal = await Assert.ThrowsAsync<CopLiveException>(() => _gate.RequireAsync(Caller.ForMember(MemberId.New()), Right.ReadDocument));

        Assert.Equal(Gatekeeper.NotAMember, refusal.Message);
        Assert.Empty(_refusals.Recorded);
    }

    [Fact]
    public async Task TheAdministrator_IsRefusedWhatNeedsAMembersIdentity()
    {
        var refusal = await Assert.ThrowsAsync<CopLiveException>(() => _gate.RequireMemberAsync(Caller.Admin, Right.EditDocument));

        Assert.Equal(AccessRules.For(Right.EditDocument).AdministratorRefusal, refusal.Message);
        Assert.False(await _gate.HoldsAsync(Caller.Admin, Right.Chat));
        Assert.True(await _gate.HoldsAsync(Caller.ForMember(Teacher.Member), Right.Chat));
    }

    private sealed class Refusals : IRefusalLog
    {
        public List<Attempt> Recorded { get; } = [];

        public Task RefusedAsync(Caller caller, Attempt attempt)
        {
            Recorded.Add(attempt);
            return Task.CompletedTask;
        }
    }
}
