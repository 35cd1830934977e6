using BrandHub.Core;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Delivery.Messages;

public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/messages", async (MessageRequest body, MessageQueue queue, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var order = MessageOrder.Read(body, errors);
            if (order is null) return Problems.Validation(errors);
            var result = await queue.QueueAsync(order, ct);
            return result.Accepted is null ? Problems.Validation(result.Errors) : Results.Accepted(null, result.Accepted);
        }).WithTags("Messages").RequireAuthorization(Scopes.Policy(Scopes.MessagesSend))
          .WithSummary("Send a message to one recipient or up to 1,000: answers at once with each delivery (queued, or suppressed with its reason)")
          .Produces<MessagesAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem();
        return app;
    }
}
