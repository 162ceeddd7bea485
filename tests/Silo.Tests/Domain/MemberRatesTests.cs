using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Silo.Domain;
using NodaTime;

namespace CopLive.Silo.Tests.Domain;

public sealed class MemberRatesTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 12, 4, 9, 0);
    private static readonly MemberId Ana = new(Guid.NewGuid());
    private static readonly MemberId Ben = new(Guid.NewGuid());

    [Fact]
    public void AMemberOverTheBurst_IsRefusedWithWhenToRetry_WhileAnotherStillActs()
    {
        var rates = new MemberRates(perSecond: 2, burst: 3, "messages");
        for (var i = 0; i < 3; i++)
        {
            rates.Take(Ana, Start);
        }

        var refused = Assert.Throws<CopLiveException>(() => rates.Take(Ana, Start));

        Assert.Equal(CopLiveError.RateLimited, refused.Code);
        Assert.Equal("Too many messages; retry after 500 ms.", refused.Message);
        Assert.Null(rates.Refusal(Ben, Start));
    }

    [Fact]
    public void TheAllowance_ComesBackAtTheSustainedRate()
    {
        var rates = new MemberRates(perSecond: 2, burst: 1, "edits");
        rates.Take(Ana, Start);
        Assert.NotNull(rates.Refusal(Ana, Start + Duration.FromMilliseconds(100)));

        Assert.Null(rates.Refusal(Ana, Start + Duration.FromMilliseconds(600)));
    }
}
