using System.Buffers.Binary;

namespace VideoGen.TestSupport.FakeSpeech;

/// <summary>A WAV file written byte by byte: 16-bit mono PCM of a sine tone, for a fake speech server to answer with.</summary>
public static class PcmWav
{
    /// <summary>A tone of <paramref name="seconds"/> at <paramref name="sampleRate"/> samples per second.</summary>
    public static byte[] Tone(double seconds, int sampleRate = 24_000, double frequency = 440)
    {
        var samples = (int)Math.Round(seconds * sampleRate);
        var data = samples * 2;
        var wav = new byte[44 + data];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], data);
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(Math.Sin(2 * Math.PI * frequency * i / sampleRate) * 8_000);
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], value);
        }
        return wav;
    }
}
