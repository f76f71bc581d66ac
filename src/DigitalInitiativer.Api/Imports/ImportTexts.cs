using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Api.Imports;

/// <summary>
/// What administrators read about an import: the problems in a file, the summary, and why an import was refused.
/// No text repeats a value from the file, which could be an employee number.
/// </summary>
public static class ImportTexts
{
    // The file as a whole
    public static readonly Text NotUtf8 = new("Filen er ikke UTF-8. Gem den som \"CSV UTF-8\".", "The file is not UTF-8. Save it as \"CSV UTF-8\".");
    public static readonly Text NotUtf8After = new("Filen er ikke UTF-8 efter linje {0}. Gem den som \"CSV UTF-8\".", "The file is not UTF-8 after line {0}. Save it as \"CSV UTF-8\".");
    public static readonly Text BadDelimiter = new(
        "Første linje skal være en overskrift, hvis kolonner er adskilt af ';' eller ','.",
        "The first line must be a header whose columns are separated by ';' or ','.");
    public static readonly Text MissingColumn = new("Overskriften har ingen kolonne '{0}'. Forventet: {1}.", "The header has no column '{0}'. Expected: {1}.");
    public static readonly Text WrongColumnCount = new("Rækken har {0} kolonner; overskriften har {1}.", "The row has {0} columns; the header has {1}.");
    public static readonly Text ForbiddenCharacters = new(
        "Cellen indeholder et kontroltegn eller et tegn, der vender skriveretningen; fjern det.",
        "The cell holds a control character or a bidirectional override; remove it.");

    // Units
    public static readonly Text UnitCodeEmpty = new("Enhedskoden er tom.", "The unit code is empty.");
    public static readonly Text CodeTooLong = new("Koden er længere end {0} tegn.", "The code is longer than {0} characters.");
    public static readonly Text UnitNameEmpty = new("Enhedens navn er tomt.", "The unit name is empty.");
    public static readonly Text NameTooLong = new("Navnet er længere end {0} tegn.", "The name is longer than {0} characters.");
    public static readonly Text DuplicateCode = new(
        "Den samme kode står allerede på linje {0}; hver enheds kode skal være entydig.",
        "The same code is already on line {0}; each unit's code must be unique.");
    public static readonly Text UnknownParent = new(
        "Ingen enhed har denne kode, hverken i filen eller blandt de allerede importerede.",
        "No unit has this code, in the file or already imported.");
    public static readonly Text ParentCycle = new("Denne overordnede enhed ville placere enheden under sig selv.", "This parent would put the unit below itself.");

    // Survey waves
    public static readonly Text EmployeeNumberEmpty = new("Medarbejdernummeret er tomt.", "The employee number is empty.");
    public static readonly Text UnknownUnit = new("Ingen enhed har denne kode. Importér enhederne først.", "No unit has this code. Import units first.");
    public static readonly Text BadRole = new(
        "Ikke en rolle; brug EMPLOYEE eller LEADER (medarbejder eller leder).",
        "Not a role; use EMPLOYEE or LEADER (medarbejder or leder).");
    public static readonly Text DuplicateEmployee = new(
        "Denne medarbejder har allerede en række i denne måling, på linje {0}.",
        "This employee already has a row in this wave, on line {0}.");
    public static readonly Text BadProfile = new(
        "Ikke en profil; brug AWAITING, HESITANT, WILLING eller SELF_DRIVEN (eller de danske navne).",
        "Not a profile; use AWAITING, HESITANT, WILLING or SELF_DRIVEN (or the Danish names).");
    public static readonly Text BadAnswer = new("Ikke et svar fra {0} til {1}.", "Not an answer from {0} to {1}.");
    public static readonly Text NoAnswers = new("Rækken besvarer ingen af spørgsmålene.", "The row answers none of the questions.");

    // Participations (CSV)
    public static readonly Text InitiativeCodeEmpty = new("Initiativkoden er tom.", "The initiative code is empty.");
    public static readonly Text BadStatus = new(
        "Ikke en status; brug ENROLLED, STARTED, COMPLETED eller WITHDRAWN.",
        "Not a status; use ENROLLED, STARTED, COMPLETED or WITHDRAWN.");
    public static readonly Text BadDate = new("Ikke en dato; skriv den som yyyy-MM-dd.", "Not a date; write it as yyyy-MM-dd.");
    public static readonly Text DateOutOfRange = new("Datoen skal ligge fra 2000-01-01 til i dag.", "The date must be from 2000-01-01 to today.");
    public static readonly Text CompletedBeforeStarted = new("completed_on ligger før started_on.", "completed_on is before started_on.");
    public static readonly Text BadScore = new("Ikke en score fra 0 til 100.", "Not a score from 0 to 100.");
    public static readonly Text UnknownInitiative = new("Intet initiativ har denne kode.", "No initiative has this code.");

    // Participations (xAPI)
    public static readonly Text BadJson = new(
        "Filen er ikke gyldig JSON her; den skal være et JSON-array af xAPI-statements.",
        "The file is not valid JSON here; it must be a JSON array of xAPI statements.");
    public static readonly Text StatementNotObject = new("Et statement skal være et JSON-objekt.", "A statement must be a JSON object.");
    public static readonly Text NoActor = new("Aktøren har hverken account.name eller mbox.", "The actor has neither account.name nor mbox.");
    public static readonly Text NoObjectId = new("Objektet har intet id, der angiver et initiativ.", "The object has no id naming an initiative.");
    public static readonly Text UnknownVerb = new(
        "Verbet svarer ikke til en deltagelsesstatus; brug registered, attended, completed, passed eller abandoned (se docs/imports.md).",
        "The verb does not map to a participation status; use registered, attended, completed, passed or abandoned (see docs/imports.md).");
    public static readonly Text BadTimestamp = new("Ikke et tidsstempel efter ISO 8601.", "Not an ISO 8601 timestamp.");
    public static readonly Text TimestampOutOfRange = new("Tidsstemplet skal ligge fra 2000-01-01 til nu.", "The timestamp must be from 2000-01-01 to now.");
    public static readonly Text BadXapiScore = new(
        "result.score skal have scaled fra 0 til 1 eller raw fra 0 til max.",
        "result.score needs scaled from 0 to 1, or raw from 0 to max.");

    // Summaries
    public static readonly Text Rejected = new(
        "Afvist: {0} problem(er) i {1} række(r); intet blev skrevet.",
        "Rejected: {0} problem(s) in {1} row(s); nothing was written.");
    public static readonly Text Imported = new(
        "Importeret: {0} række(r); {1} oprettet, {2} opdateret, {3} fjernet, {4} ny(e) person(er).",
        "Imported: {0} row(s); {1} created, {2} updated, {3} removed, {4} new person(s).");
    public static readonly Text DryRun = new(
        "Prøvekørsel, intet skrevet: {0} række(r); {1} oprettet, {2} opdateret, {3} fjernet, {4} ny(e) person(er).",
        "Dry run, nothing written: {0} row(s); {1} created, {2} updated, {3} removed, {4} new person(s).");

    // Refusals
    public static readonly Text ContentRequired = new("'content' skal indeholde filen.", "'content' must hold the file.");
    public static readonly Text YearOutOfRange = new("'year' skal ligge fra 1990 til 2100; det var {0}.", "'year' must be from 1990 to 2100; it was {0}.");
    public static readonly Text HeldOnOutsideYear = new("'heldOn' skal være en dato i målingens år, {0}.", "'heldOn' must be a date in the wave's year, {0}.");
    public static readonly Text TooSoon = new(
        "En import af {0} blev gennemført {1:yyyy-MM-dd HH:mm} UTC; den næste kan gennemføres efter {2:yyyy-MM-dd HH:mm} UTC. En prøvekørsel kan tjekke en fil nu.",
        "A {0} import was applied at {1:yyyy-MM-dd HH:mm} UTC; the next can be applied after {2:yyyy-MM-dd HH:mm} UTC. A dry run can check a file now.");
    public static readonly Text NoErasablePerson = new("Ingen person (som ikke allerede er slettet) har dette id.", "No person (not already erased) has this id.");
    public static readonly Text PseudonymisationNotConfigured = new(
        "Pseudonymisation:Key er ikke sat op, så medarbejdernumre kan ikke pseudonymiseres. "
            + "Sæt den fra et hemmelighedslager (miljøvariablen Pseudonymisation__Key), og importér igen. Intet blev importeret.",
        "Pseudonymisation:Key is not configured, so employee numbers cannot be pseudonymised. "
            + "Set it from a secret store (environment variable Pseudonymisation__Key) and import again. Nothing was imported.");

    // What an import brings in, as a TooSoon message names it
    public static readonly Text UnitsKind = new("enheder", "units");
    public static readonly Text SurveyKind = new("en måling", "survey");
    public static readonly Text ParticipationsKind = new("deltagelser", "participations");
}
