using System.Data.Common;

namespace DigitalInitiativer.Api.Imports;

/// <summary>One prepared SQL statement run many times inside the import's transaction.</summary>
public sealed class SqlBatch : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;

    public SqlBatch(DbConnection connection, DbTransaction transaction, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = Enumerable.Range(0, parameterCount).Select(i =>
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            _command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> ScalarAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return Convert.ToInt64(await _command.ExecuteScalarAsync(cancellationToken));
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
