namespace VideoGen.Grains.Domain;

/// <summary>
/// A device that runs generation work: a GPU behind a ComfyUI server, or the CPU preview
/// renderer, each with an image lane and a video lane; or the CPU of a silo's machine, whose
/// one CPU lane speaks narration and renders exports, so that work never waits behind (or
/// holds up) a GPU lane. Every lane runs at most one job. Exactly one silo drives a device at
/// a time, the one holding its lease.
/// </summary>
public sealed class GpuDevice
{
    /// <summary>How long a silo's hold on a device lasts without a heartbeat.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(10);

    public GpuDevice(string name, DeviceKind kind, IReadOnlyList<Lane> lanes)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A device needs a name.");
        if (!Enum.IsDefined(kind)) throw new DomainException($"Unknown device kind {(int)kind}.");
        if (lanes.Count == 0 || lanes.Distinct().Count() != lanes.Count || lanes.Any(l => !Enum.IsDefined(l)))
            throw new DomainException($"Device {name} needs distinct, known lanes.");
        _state = new GpuDeviceState { Name = name, Kind = kind, Lanes = lanes };
    }

    /// <summary>Everything the device is; each change replaces it with a changed copy.</summary>
    private GpuDeviceState _state;

    public string Name => _state.Name;
    public DeviceKind Kind => _state.Kind;
    public IReadOnlyList<Lane> Lanes => _state.Lanes;
    public string? Silo => _state.Silo;
    public DeviceStatus Status => _state.Status;
    public DateTimeOffset? LastSeen => _state.LastSeen;

    /// <summary>The stored form of this device.</summary>
    public GpuDeviceState ToState() => _state;

    /// <summary>The lanes a device of this kind has.</summary>
    public static IReadOnlyList<Lane> LanesOf(DeviceKind kind) => kind switch
    {
        DeviceKind.Preview => [Lane.Image, Lane.Video],
        DeviceKind.ComfyUi => [Lane.Image, Lane.Video],
        DeviceKind.Cpu => [Lane.Cpu],
        _ => throw new DomainException($"Unknown device kind {(int)kind}."),
    };

    public bool HasLane(Lane lane) => Lanes.Contains(lane);

    /// <summary>Whether <paramref name="silo"/> may take the device: nobody holds it, it holds it already, or the holder went silent.</summary>
    public bool CanBeTakenBy(string silo, DateTimeOffset now, TimeSpan? lease = null) =>
        Silo is null || Silo == silo || Status == DeviceStatus.Offline || LastSeen is null || LastSeen + (lease ?? LeaseLength) < now;

    public void Restore(string? silo, DeviceStatus status, DateTimeOffset? lastSeen)
    {
        _state = _state with { Silo = silo, Status = status, LastSeen = lastSeen };
    }

    /// <summary>A silo takes (or keeps) the device; refused while another live silo holds it.</summary>
    public void Heartbeat(string silo, DateTimeOffset now, TimeSpan? lease = null)
    {
        if (!CanBeTakenBy(silo, now, lease))
            throw new DomainException($"Device {Name} is driven by silo {Silo}; silo {silo} cannot take it until that silo's lease runs out.");
        var status = Silo != silo || Status == DeviceStatus.Offline ? DeviceStatus.Online : Status;
        _state = _state with { Silo = silo, Status = status, LastSeen = now };
    }

    /// <summary>The silo stops claiming new work on the device; running jobs finish.</summary>
    public void Drain(string silo)
    {
        if (Silo != silo) throw new DomainException($"Silo {silo} does not drive device {Name}.");
        _state = _state with { Status = DeviceStatus.Draining };
    }

    /// <summary>The silo let the device go.</summary>
    public void Release(string silo)
    {
        if (Silo != silo) throw new DomainException($"Silo {silo} does not drive device {Name}.");
        _state = _state with { Status = DeviceStatus.Offline };
    }
}
