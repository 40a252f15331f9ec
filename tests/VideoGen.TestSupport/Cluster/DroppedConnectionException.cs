using System.Data.Common;

namespace VideoGen.TestSupport.Cluster;

/// <summary>What a store call throws when a test makes it look as if the database connection dropped.</summary>
public sealed class DroppedConnectionException() : DbException("The connection to the store was dropped (a fault injected by a test).");
