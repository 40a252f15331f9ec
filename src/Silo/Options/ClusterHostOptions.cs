using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using VideoGen.Grains.Storage;

namespace VideoGen.Silo.Options;

/// <summary>
/// Configuration section <c>Cluster</c>: which Orleans cluster this host's silo joins, and where
/// the other silos and clients reach it.
/// </summary>
public sealed record ClusterHostOptions : ISelfValidatingOptions
{
    public const string Section = "Cluster";
    public const string DefaultId = "videogen";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    // The membership table keeps the cluster id in a varchar(150) column.
    private const int MaxIdLength = 150;

    /// <summary>Shared by every web node and silo of one installation.</summary>
    public string Id { get; set; } = DefaultId;

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>The port Orleans clients connect to.</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>Where other silos reach this one; see <see cref="ResolveAdvertisedAddress"/> for the default.</summary>
    public string? AdvertisedAddress { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
            problems.Add($"{Section}:Id is empty: name the Orleans cluster (every node of one installation uses the same id; '{DefaultId}' when the key is absent).");
        else if (Id.Length > MaxIdLength || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            problems.Add($"{Section}:Id '{Id}' must be at most {MaxIdLength} letters, digits, '-', '_' or '.'.");
        CheckPort(problems, nameof(SiloPort), SiloPort);
        CheckPort(problems, nameof(GatewayPort), GatewayPort);
        if (SiloPort == GatewayPort)
            problems.Add($"{Section}:SiloPort and {Section}:GatewayPort are both {SiloPort}: the silo and its gateway need a port each.");
        if (!string.IsNullOrWhiteSpace(AdvertisedAddress) && !IPAddress.TryParse(AdvertisedAddress.Trim(), out _))
            problems.Add($"{Section}:AdvertisedAddress must be an IP address other silos can reach, e.g. 10.0.0.5 (got '{AdvertisedAddress}').");
        return problems;
    }

    /// <summary>
    /// The configured address; otherwise loopback on SQLite (one process, nothing else can join)
    /// and the machine's first non-loopback IPv4 address on PostgreSQL, where other boxes join.
    /// </summary>
    public IPAddress ResolveAdvertisedAddress(StoreProvider store)
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedAddress)) return IPAddress.Parse(AdvertisedAddress.Trim());
        if (store == StoreProvider.Sqlite) return IPAddress.Loopback;
        return FirstNetworkIPv4() ?? throw new InvalidOperationException(
            $"{Section}:AdvertisedAddress is not set and this machine has no non-loopback IPv4 address: set the address other silos reach this one at.");
    }

    private static void CheckPort(List<string> problems, string key, int port)
    {
        if (port is < IPEndPoint.MinPort + 1 or > IPEndPoint.MaxPort)
            problems.Add($"{Section}:{key} must be between 1 and {IPEndPoint.MaxPort.ToString(CultureInfo.InvariantCulture)} (got {port.ToString(CultureInfo.InvariantCulture)}).");
    }

    private static IPAddress? FirstNetworkIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
