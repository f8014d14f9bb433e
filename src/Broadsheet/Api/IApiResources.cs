namespace Broadsheet.Api;

/// <summary>
/// Resources another feature serves under /api/v1 (Pages: /pages), mapped on the API's own group
/// so they get its key check, unknown-parameter 400s, ETags, caching and document. Owned here and
/// implemented by that feature, so Api does not depend on it.
/// </summary>
public interface IApiResources
{
    void Map(RouteGroupBuilder api);
}
