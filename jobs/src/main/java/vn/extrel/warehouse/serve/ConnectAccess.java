package vn.extrel.warehouse.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.sparkproject.connect.grpc.ForwardingServerCallListener;
import org.sparkproject.connect.grpc.Metadata;
import org.sparkproject.connect.grpc.ServerCall;
import org.sparkproject.connect.grpc.ServerCallHandler;
import org.sparkproject.connect.grpc.ServerInterceptor;
import org.sparkproject.connect.grpc.Status;
import org.sparkproject.connect.protobuf.Descriptors;
import org.sparkproject.connect.protobuf.Message;
import vn.extrel.warehouse.spark.PlanAccess;
import vn.extrel.warehouse.spark.ReadOnlyGuard;
import vn.extrel.warehouse.spark.Refusals;

/**
 * Who may write through {@code warehouse serve}: a gRPC interceptor in front of Spark Connect
 * ({@code spark.connect.grpc.interceptor.classes}). Every client reads; a client presenting the
 * write token of a {@code --allow-write} server may also write, in sessions it opened with the
 * token. Requests a client may not make (see {@link ConnectRequests}) are refused with
 * PERMISSION_DENIED and a one-line message before the server plans them; the server goes on.
 */
public final class ConnectAccess implements ServerInterceptor {

  /** The header a writer sends: {@code sc://host:port/;warehouse-write-token=SECRET}. */
  public static final String TOKEN_HEADER = "warehouse-write-token";

  private static final Metadata.Key<String> TOKEN =
      Metadata.Key.of(TOKEN_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  /** The refusals' last words for clients without the token. */
  static final String READ_ONLY_HINT =
      "Writes need 'warehouse serve --allow-write' and its write token (docs/ANALYSTS.md)";

  static final String WRITER_HINT =
      "Only clients presenting the server's write token may write"
          + " (sc://host:port/;"
          + TOKEN_HEADER
          + "=...)";

  /**
   * The write token, or null when no client may write. Static: Spark Connect instantiates the
   * interceptor by class name, with no arguments.
   */
  private static volatile byte[] writeToken;

  /** Set by the server before it starts. */
  static void configure(String token) {
    writeToken = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  static String readerHint() {
    return writeToken == null ? READ_ONLY_HINT : WRITER_HINT;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String presented = headers.get(TOKEN);
    byte[] expected = writeToken;
    if (presented != null
        && (expected == null
            || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8)))) {
      call.close(
          Status.PERMISSION_DENIED.withDescription(
              expected == null
                  ? "refused: this server takes no write token (it was started without"
                      + " --allow-write); connect without it to read"
                  : "refused: the write token is wrong; connect without it to read"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    boolean writer = presented != null;
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(call, headers)) {
      private boolean refused;

      @Override
      public void onMessage(Q request) {
        if (refused) {
          return;
        }
        Optional<String> refusal = refusal(request, writer);
        if (refusal.isPresent()) {
          refused = true;
          call.close(Status.PERMISSION_DENIED.withDescription(refusal.get()), new Metadata());
          return;
        }
        super.onMessage(request);
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }

      @Override
      public void onReady() {
        if (!refused) {
          super.onReady();
        }
      }
    };
  }

  /** Binds the request's session to the client's access, then decides the request. */
  static Optional<String> refusal(Object request, boolean writer) {
    ReadOnlyGuard.Access access =
        writer ? ReadOnlyGuard.Access.WRITE : ReadOnlyGuard.Access.READ_ONLY;
    if (request instanceof Message m && plansOrConfigures(m)) {
      SparkSession session = session(m);
      if (session != null) {
        if (writer) {
          ReadOnlyGuard.set(session, ReadOnlyGuard.Access.WRITE, WRITER_HINT);
        } else if (ReadOnlyGuard.of(session)
            .map(g -> g.access() == ReadOnlyGuard.Access.WRITE)
            .orElse(false)) {
          // Session ids are the client's secret; a session opened with the token stays with it.
          return Optional.of(
              "refused: this session was opened with the write token; open your own session");
        }
      }
    }
    Optional<PlanAccess.Finding> f = ConnectRequests.refusal(request, access);
    return f.map(
        x -> Refusals.refused(x, x.effect().runsCode() ? null : readerHint()).getMessage());
  }

  private static boolean plansOrConfigures(Message m) {
    return m instanceof org.apache.spark.connect.proto.ExecutePlanRequest
        || m instanceof org.apache.spark.connect.proto.AnalyzePlanRequest
        || m instanceof org.apache.spark.connect.proto.ConfigRequest;
  }

  /** The server-side session of a request; null when the request names none the server takes. */
  private static SparkSession session(Message m) {
    Descriptors.Descriptor d = m.getDescriptorForType();
    Descriptors.FieldDescriptor sessionId = d.findFieldByName("session_id");
    Descriptors.FieldDescriptor user = d.findFieldByName("user_context");
    if (sessionId == null || user == null) {
      return null;
    }
    String userId = ((org.apache.spark.connect.proto.UserContext) m.getField(user)).getUserId();
    try {
      return SparkConnectService.getOrCreateIsolatedSession(
              userId, (String) m.getField(sessionId), scala.Option.empty())
          .session();
    } catch (RuntimeException e) {
      return null; // a malformed or closed session id: the service answers it as usual
    }
  }
}
