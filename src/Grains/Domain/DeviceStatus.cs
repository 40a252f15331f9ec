namespace VideoGen.Grains.Domain;

/// <summary>Whether a device's silo is driving it.</summary>
public enum DeviceStatus
{
    Offline = 0,
    Online = 1,
    Draining = 2,
}
