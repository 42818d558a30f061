package dev.rollcall.web.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {
  @Test
  void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
    byte[] body = new byte[1000];
    body[999] = 7;
    assertArrayEquals(
        body, new BoundedInputStream(new ByteArrayInputStream(body), 1000).readAllBytes());
  }

  @Test
  void oneByteMoreFailsInBulkAndByteReads() {
    assertThrows(
        BodyTooLargeException.class,
        () ->
            new BoundedInputStream(new ByteArrayInputStream(new byte[1001]), 1000).readAllBytes());
    BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[11]), 10);
    BodyTooLargeException e =
        assertThrows(
            BodyTooLargeException.class,
            () -> {
              while (in.read() >= 0) {}
            });
    assertEquals(10, e.limit());
  }

  @Test
  void neverReadsMoreThanOneBytePastTheLimit() {
    // an endless body: what is pulled from it stops at limit + 1
    AtomicLong pulled = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            pulled.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            pulled.addAndGet(len);
            return len;
          }
        };
    assertThrows(
        BodyTooLargeException.class,
        () -> new BoundedInputStream(endless, 1 << 20).transferTo(OutputStreamNull.INSTANCE));
    assertEquals((1 << 20) + 1, pulled.get());
  }

  @Test
  void skippedBytesCount() {
    BoundedInputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[100]), 50);
    assertThrows(BodyTooLargeException.class, () -> in.skip(100));
  }

  static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
