package dev.rollcall.scim.resource;

import dev.rollcall.query.UnsupportedFilterException;
import dev.rollcall.scim.ScimMediaType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /.search} at the organization's root (RFC 7644 §3.4.3): users, then groups, as one
 * result list. A filter on attributes only one resource type has matches nothing of the other type.
 */
@Path("{orgId}/.search")
@ApplicationScoped
@Produces({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON})
@Consumes({ScimMediaType.SCIM_JSON, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class RootSearchResource {
  private final UsersResource users;
  private final GroupsResource groups;

  @Inject
  public RootSearchResource(UsersResource users, GroupsResource groups) {
    this.users = users;
    this.groups = groups;
  }

  public RootSearchResource() {
    this(null, null);
  }

  @POST
  public JsonObject search(String body) {
    ListQuery query = ListQuery.of(JsonReading.object(body));
    long userTotal = total(users::search, query);
    long groupTotal = total(groups::search, query);
    List<JsonObject> resources = new ArrayList<>();
    if (query.count() > 0 && query.startIndex() <= userTotal) {
      resources.addAll(page(users::search, query, query.startIndex(), query.count()));
    }
    int remaining = query.count() - resources.size();
    if (remaining > 0 && groupTotal > 0) {
      int groupStart = (int) Math.max(1, query.startIndex() - userTotal);
      resources.addAll(page(groups::search, query, groupStart, remaining));
    }
    return ListResponse.of(userTotal + groupTotal, query.startIndex(), resources);
  }

  private static long total(Function<ListQuery, JsonObject> search, ListQuery query) {
    try {
      return search.apply(withPage(query, 1, 0)).getJsonNumber("totalResults").longValue();
    } catch (UnsupportedFilterException e) {
      return 0;
    }
  }

  private static List<JsonObject> page(
      Function<ListQuery, JsonObject> search, ListQuery query, int startIndex, int count) {
    return search
        .apply(withPage(query, startIndex, count))
        .getJsonArray("Resources")
        .getValuesAs(JsonObject.class);
  }

  private static ListQuery withPage(ListQuery query, int startIndex, int count) {
    return new ListQuery(
        query.filter(),
        query.sort(),
        startIndex,
        count,
        query.attributes(),
        query.excludedAttributes());
  }
}
