package dev.rollcall.console;

import static dev.rollcall.json.JsonFactory.JSON;

import dev.rollcall.application.MemberDirectory;
import dev.rollcall.application.MemberDirectory.ListedMember;
import dev.rollcall.application.SecurityIntegrationService;
import dev.rollcall.domain.member.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /members?q=&start=&count=}: one page of the member search, found, sorted and paged in
 * the database. Like {@code LIST USERS}, any member may read it.
 */
@Path("members")
@ApplicationScoped
public class MemberListResource {
  private final MemberDirectory directory;
  private final SecurityIntegrationService integrations;

  @Inject
  public MemberListResource(MemberDirectory directory, SecurityIntegrationService integrations) {
    this.directory = directory;
    this.integrations = integrations;
  }

  public MemberListResource() {
    this(null, null);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject search(
      @QueryParam("q") @DefaultValue("") String text,
      @QueryParam("start") @DefaultValue("1") int start,
      @QueryParam("count") @DefaultValue("25") int count) {
    var page = directory.search(text, start, count);
    Map<String, String> integrationNames = integrations.namesById();
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (ListedMember listed : page.items()) {
      Member m = listed.member();
      JsonObjectBuilder item =
          JSON.createObjectBuilder()
              .add("userName", m.userName())
              .add("active", m.active())
              .add("roles", JSON.createArrayBuilder(listed.roles()));
      m.email().ifPresent(e -> item.add("email", e));
      m.displayName().ifPresent(d -> item.add("displayName", d));
      m.managedBy().map(integrationNames::get).ifPresent(i -> item.add("managedBy", i));
      items.add(item);
    }
    return JSON.createObjectBuilder()
        .add("total", page.total())
        .add("start", Math.max(1, start))
        .add("count", Math.max(1, Math.min(count, MemberDirectory.MAX_PAGE)))
        .add("items", items)
        .build();
  }
}
