package dev.rollcall.web.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails with {@link BodyTooLargeException} as soon as more than {@code limit}
 * bytes have been read: a chunked body has no length to check up front, and a stated length may
 * lie.
 */
public final class BoundedInputStream extends FilterInputStream {
  private final long limit;
  private long count;

  public BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // never asks for more than one byte past the limit
    long room = limit + 1 - count;
    int n = super.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, Math.max(limit + 1 - count, 1)));
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void counted(long n) {
    count += n;
    if (count > limit) {
      throw new BodyTooLargeException(limit);
    }
  }
}
