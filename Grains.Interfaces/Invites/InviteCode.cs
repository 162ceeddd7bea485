using System.Security.Cryptography;
using System.Text;

namespace CopLive.Grains.Invites;

/// <summary>
/// An invite code as a person types it: 16 Crockford base-32 characters in groups of four
/// (<c>K7QM-2XHD-9RTA-WB4E</c>). Parsing ignores case, spaces and dashes, and reads the look-alikes
/// I, L as 1 and O as 0. Only the code's SHA-256 <see cref="Hash"/> is ever stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.InviteCode")]
public readonly record struct InviteCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 16;

    private InviteCode(string canonical) => Canonical = canonical;

    /// <summary>The code without separators, upper case.</summary>
    [Id(0)] public string Canonical { get; }

    /// <summary>The hex SHA-256 of <see cref="Canonical"/>; the only form that is persisted.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Canonical)));

    /// <summary>A new code from 80 random bits.</summary>
    public static InviteCode New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new InviteCode(new string(chars));
    }

    /// <summary>Reads a code as typed; false when it cannot be a CopLive invite code.</summary>
    public static bool TryParse(string? text, out InviteCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in text)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }
            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (!Alphabet.Contains(c) || builder.Length == Length)
            {
                return false;
            }
            builder.Append(c);
        }

        if (builder.Length != Length)
        {
            return false;
        }
        code = new InviteCode(builder.ToString());
        return true;
    }

    /// <summary>The code for display, in groups of four.</summary>
    public override string ToString() =>
        Canonical is null ? string.Empty : string.Join('-', Canonical.Chunk(4).Select(c => new string(c)));
}
