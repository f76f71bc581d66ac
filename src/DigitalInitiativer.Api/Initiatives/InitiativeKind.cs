using System.ComponentModel;

namespace DigitalInitiativer.Api.Initiatives;

public enum InitiativeKind
{
    [Description("The digitalisation idea competition (digitaliseringskonkurrence): staff propose digital solutions, colleagues vote, the best are realised.")]
    IdeaCompetition = 1,

    [Description("A course (kursus) with a teacher.")]
    Course = 2,

    [Description("An e-learning programme (e-læringsforløb).")]
    ELearning = 3,

    [Description("A video guide (videovejledning).")]
    VideoGuide = 4,

    [Description("A drop-in café (drop-in cafémøde) where staff try out and practise new systems before they go live.")]
    DropInCafe = 5,

    [Description("Peer training (sidemandsoplæring) given by appointed digital superusers.")]
    PeerTraining = 6,

    [Description("Any other kind of initiative.")]
    Other = 7,
}
