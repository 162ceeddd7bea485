namespace CopLive.Silo.Access;

/// <summary>
/// Something a person may be allowed to do in a community. Each right has one row in <see cref="AccessRules"/>,
/// which says who holds it; the grains ask for rights, never for roles.
/// </summary>
public enum Right
{
    CreateCommunity,
    ReadCommunity,
    LeaveCommunity,
    ReadAudit,
    ManageInvites,
    ChangeRoles,
    Ban,
    LiftBan,
    SeeBans,
    CreateDocument,
    ReadDocument,
    EditDocument,
    EditLockedDocument,
    LockDocument,
    ScheduleSession,
    ManageTemplates,
    RecordMinutes,
    TagDocuments,
    ReadSession,
    JoinSession,
    RunSession,
    RunBreakouts,
    ChooseRoom,
    Mute,
    RemoveFromSession,
    ReadRoom,
    LookIntoRooms,
    TakePart,
    Chat,
    HandleHelp,
    OpenConsole,
}
