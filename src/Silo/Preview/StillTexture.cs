namespace VideoGen.Silo.Preview;

/// <summary>The pattern laid over a preview still's gradient.</summary>
internal enum StillTexture
{
    /// <summary>Film grain only.</summary>
    Grain = 0,

    /// <summary>A cellular automaton drawn as crisp blocks.</summary>
    Cells = 1,

    /// <summary>A cellular automaton, blurred into soft shapes.</summary>
    SoftCells = 2,

    /// <summary>Interfering sine waves.</summary>
    Waves = 3,
}
