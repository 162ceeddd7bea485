using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Protocol.Documents;
using CopLive.Silo.Domain;
using CsCheck;
using NodaTime;

namespace CopLive.Client.Tests.Live;

/// <summary>
/// Replicas against the server's own engine (<see cref="LiveDocument"/>): several clients edit at random while the
/// network delivers their submissions and the server's broadcasts in any interleaving (each link in order, as a
/// WebSocket is). Once everything is delivered, every replica holds the server's text at the server's version, and
/// every edit made anywhere is in it.
/// </summary>
public sealed class ConvergenceTests
{
    private const int Clients = 3;

    [Fact]
    public void Replicas_ConvergeWithTheServer_UnderAnyInterleaving()
    {
        var start = Gen.Int[0, 4].Array[0, 6].Select(cs => string.Concat(cs.Select(c => "ab é😀\n"[c].ToString())));
        var steps = Gen.Select(Gen.Int[0, 3], Gen.Int[0, Clients - 1], Gen.Int[0, 1_000_000]).Array[1, 60];

        Gen.Select(start, steps).Sample((text, schedule) =>
        {
            var world = new Network(text);
            foreach (var (action, client, seed) in schedule)
            {
                world.Step(action, client, seed);
            }
            world.Drain();

            Assert.All(world.Replicas, r => Assert.Equal((world.Server.Text, world.Server.Version), (r.Text, r.Version)));
            Assert.All(world.Replicas, r => Assert.True(r.IsSettled));
            Assert.All(world.Typed, piece => Assert.Contains(piece, world.Server.Text));
        }, iter: 2_000);
    }

    /// <summary>The server, the clients, and the links between them.</summary>
    private sealed class Network
    {
        private static readonly Instant Now = Instant.FromUtc(2026, 12, 4, 9, 0);
        private readonly Queue<(Submission Op, long BaseVersion)>[] _uplinks;
        private readonly Queue<RemoteOp>[] _downlinks;

        public Network(string text)
        {
            Server = new LiveDocument(new DocumentCheckpoint(0, text, text.Length > 0 ? [new(Guid.Empty, CodePoints.Count(text))] : [], new Dictionary<Guid, ContributionCounts>()), []);
            Replicas = [.. Enumerable.Range(0, Clients).Select(i => new ClientReplica($"client-{i}", text, 0))];
            _uplinks = [.. Enumerable.Range(0, Clients).Select(_ => new Queue<(Submission, long)>())];
            _downlinks = [.. Enumerable.Range(0, Clients).Select(_ => new Queue<RemoteOp>())];
        }

        public LiveDocument Server { get; }

        public ClientReplica[] Replicas { get; }

        /// <summary>Unique markers typed by the clients; none may be lost.</summary>
        public List<string> Typed { get; } = [];

        public void Step(int action, int client, int seed)
        {
            switch (action)
            {
                case 0:
                    Type(client, seed);
                    break;
                case 1:
                    Send(client);
                    break;
                case 2:
                    Serve(client);
                    break;
                default:
                    Deliver(client);
                    break;
            }
        }

        /// <summary>Lets every link and every client run until nothing is left to do.</summary>
        public void Drain()
        {
            for (var busy = true; busy;)
            {
                busy = false;
                for (var c = 0; c < Clients; c++)
                {
                    busy |= Send(c) | Serve(c) | Deliver(c);
                }
            }
        }

        private void Type(int client, int seed)
        {
            var replica = Replicas[client];
            var length = CodePoints.Count(replica.Text);
            var at = seed % (length + 1);
            if (length > 0 && seed % 3 == 0)
            {
                var from = Math.Min(at, length - 1);
                var count = Math.Min(1 + seed % 2, length - from);
                // Deletes take only the starting text's characters, never a marker, so every marker must survive.
                if (!CodePoints.Slice(replica.Text, from, from + count).Any(IsMarker))
                {
                    replica.Edit(TextOp.At(from, OpComponent.Delete(count)));
                }
                return;
            }
            // One code point from the private use area, unique to this keystroke: nothing can split it.
            var marker = ((char)(0xE000 + Typed.Count)).ToString();
            replica.Edit(TextOp.At(at, OpComponent.Insert(marker)));
            Typed.Add(marker);
        }

        private static bool IsMarker(char c) => c is >= '\uE000' and <= '\uF8FF';

        private bool Send(int client)
        {
            if (Replicas[client].Send() is not { } op)
            {
                return false;
            }
            _uplinks[client].Enqueue((op, Replicas[client].Version));
            return true;
        }

        private bool Serve(int client)
        {
            if (!_uplinks[client].TryDequeue(out var submitted))
            {
                return false;
            }
            var committed = Server.Commit(Server.Rebase(submitted.BaseVersion, submitted.Op.Op), MemberId.New(), Replicas[client].ClientId, submitted.Op.Seq, Now);
            foreach (var link in _downlinks)
            {
                link.Enqueue(new RemoteOp(committed.Version, committed.Op, committed.Author.Value, committed.ClientId, committed.Seq));
            }
            return true;
        }

        private bool Deliver(int client)
        {
            if (!_downlinks[client].TryDequeue(out var op))
            {
                return false;
            }
            Assert.NotEqual(Intake.Gap, Replicas[client].Receive(op));
            return true;
        }
    }
}
