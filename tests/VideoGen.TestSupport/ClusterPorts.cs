using System.Net;
using System.Net.Sockets;

namespace VideoGen.TestSupport;

/// <summary>
/// Silo and gateway ports for hosts that tests start: every host is an Orleans silo, many run in
/// one test process, and two silos cannot listen on one port. Ports come from below the kernel's
/// ephemeral range (outgoing connections never take them), each handed out once per process and
/// checked free when handed out.
/// </summary>
public static class ClusterPorts
{
    private const int First = 20_000;
    private const int Count = 12_000;

    // Test processes that run side by side start at different places and rarely meet.
    private static int _counter = Random.Shared.Next(Count);

    /// <summary>A port no host of this process was given and nothing listens on now.</summary>
    public static int Next()
    {
        for (var tries = 0; tries < Count; tries++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref _counter) % Count);
            if (IsFree(port)) return port;
        }
        throw new InvalidOperationException($"No free port between {First} and {First + Count}.");
    }

    /// <summary>The <c>Cluster</c> settings of one more host on this machine: its own ports, on loopback.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Cluster:SiloPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:GatewayPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Cluster:AdvertisedAddress"] = IPAddress.Loopback.ToString(),
    };

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
