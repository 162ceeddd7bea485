using CopLive.Grains.Documents;

namespace CopLive.Silo.Domain;

/// <summary>A full segment of ops ready to archive, with the text at its start when it is a checkpoint.</summary>
public sealed record ArchiveBlock(long Index, IReadOnlyList<CommittedOp> Ops, string? CheckpointText);
