using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Notifications;

/// <summary>The messages of markNotificationsRead that people read (the notifications themselves are in <see cref="NotificationTexts"/>).</summary>
public static class NotificationServiceTexts
{
    public static readonly Text NoneNamed = new("Angiv de notifikationer, der skal markeres som læst, eller sæt 'all'.", "Name the notifications to mark read, or set 'all'.");
    public static readonly Text TooMany = new(
        "Højst {0} notifikationer ad gangen; der blev angivet {1}. Brug 'all' for at markere dem alle.",
        "At most {0} notifications at once; {1} were named. Use 'all' for every one.");
    public static readonly Text NotYours = new("Du har ingen notifikation med dette id.", "You have no notification with this id.");
}
