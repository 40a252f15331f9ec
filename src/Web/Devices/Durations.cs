using System.Globalization;

namespace VideoGen.Web.Devices;

/// <summary>Durations as the devices page writes them: seconds below two minutes, then minutes, then hours.</summary>
public static class Durations
{
    public static string Short(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 120 => $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s",
        < 7200 => $"{duration.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min",
        _ => $"{duration.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
    };
}
