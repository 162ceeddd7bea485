namespace CopLive.Silo.Domain;

/// <summary>Size limits of names and schedules, in one place so docs and validation agree.</summary>
internal static class Limits
{
    public const int NameLength = 200;
    public const int DescriptionLength = 2_000;
    public const int SessionMinutes = 24 * 60;
    public const int AgendaItems = 50;
}
