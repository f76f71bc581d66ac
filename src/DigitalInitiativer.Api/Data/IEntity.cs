namespace DigitalInitiativer.Api.Data;

/// <summary>A stored row with an integer key; these are the objects that get global ids.</summary>
public interface IEntity
{
    int Id { get; }
}
