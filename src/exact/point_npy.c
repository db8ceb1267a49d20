/* NumPy files as input (include/relucert/point.h): .npy arrays and .npz
   archives read exactly.

   A .npy file (NumPy's format, versions 1.0, 2.0 and 3.0) is the magic
   "\x93NUMPY", two version bytes, a little-endian header length (2 bytes
   in 1.0, 4 in 2.0 and 3.0), a header that is a Python dict literal
   {'descr': '<f8', 'fortran_order': False, 'shape': (N, D), } and the data.
   Only the dtypes float64 and float32 in either byte order are accepted
   ('<f8', '>f8', '<f4', '>f4'), and only two-dimensional shapes; every
   binary value is a rational number and becomes one exactly (a float32
   widens to a double exactly). NaN and infinities are refused.

   A .npz file is a zip archive of .npy members (np.savez stores them,
   np.savez_compressed deflates them): the central directory is read, with
   zip64 sizes and offsets (NumPy always writes zip64 local headers), the
   member is inflated by zlib when compressed and its CRC-32 checked. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>
#include "relucert/point.h"

/* the largest file or member read: a point of RC_POINT_MAX_ENTRIES doubles
   and a header */
#define NPY_MAX_BYTES ((size_t) RC_POINT_MAX_ENTRIES * 8 + (1u << 20))

static uint32_t
le16(const unsigned char * p)
{
    return (uint32_t) p[0] | ((uint32_t) p[1] << 8);
}

static uint32_t
le32(const unsigned char * p)
{
    return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16)
           | ((uint32_t) p[3] << 24);
}

static uint64_t
le64(const unsigned char * p)
{
    return (uint64_t) le32(p) | ((uint64_t) le32(p + 4) << 32);
}

/* whole file into *buf (flint_malloc'd), at most NPY_MAX_BYTES */
static int
read_all(unsigned char ** buf, size_t * len, const char * path, rc_error_t err)
{
    FILE * f = fopen(path, "rb");
    size_t cap = 1 << 16, got;

    *buf = NULL;
    *len = 0;
    if (f == NULL)
        return rc_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    *buf = flint_malloc(cap);
    while ((got = fread(*buf + *len, 1, cap - *len, f)) > 0)
    {
        *len += got;
        if (*len == cap)
        {
            if (cap >= NPY_MAX_BYTES)
            {
                fclose(f);
                flint_free(*buf);
                *buf = NULL;
                return rc_error_set(err, "%s: expected at most %zu bytes (10^8 numbers)",
                                    path, (size_t) NPY_MAX_BYTES);
            }
            cap *= 2;
            *buf = flint_realloc(*buf, cap);
        }
    }
    if (ferror(f))
    {
        fclose(f);
        flint_free(*buf);
        *buf = NULL;
        return rc_error_set(err, "%s: cannot read: %s", path, strerror(errno));
    }
    fclose(f);
    return 0;
}

/* the value of key in the header dict: a pointer just past "'key':" and
   blanks, or NULL */
static const char *
header_value(const char * h, const char * key)
{
    char pat[32];
    const char * p;

    snprintf(pat, sizeof pat, "'%s'", key);
    p = strstr(h, pat);
    if (p == NULL)
        return NULL;
    p += strlen(pat);
    while (*p == ' ')
        p++;
    if (*p != ':')
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    return p;
}

/* a nonnegative decimal integer at most 10^8; advances *p */
static int
header_int(slong * x, const char ** p)
{
    slong v = 0;
    const char * s = *p;

    if (*s < '0' || *s > '9')
        return 1;
    while (*s >= '0' && *s <= '9')
    {
        v = 10 * v + (*s - '0');
        if (v > RC_POINT_MAX_ENTRIES)
            return 1;
        s++;
    }
    if (*s == 'L')                /* Python 2 longs, in old files */
        s++;
    *x = v;
    *p = s;
    return 0;
}

int
rc_npy_read_buffer(fmpq_mat_t A, const unsigned char * buf, size_t len,
                   const char * name, rc_error_t err)
{
    size_t hlen, off, size, need, i;
    char * h;
    const char * p;
    slong n, d, r, c;
    int item, big, fortran;
    arf_t x;

    if (len < 10 || memcmp(buf, "\x93NUMPY", 6) != 0)
        return rc_error_set(err, "%s: expected a NumPy .npy file (magic \\x93NUMPY), "
                            "found %s", name, len < 10 ? "a shorter file" : "other bytes");
    if (buf[6] == 1)
    {
        hlen = le16(buf + 8);
        off = 10;
    }
    else if (buf[6] == 2 || buf[6] == 3)
    {
        if (len < 12)
            return rc_error_set(err, "%s: truncated header", name);
        hlen = le32(buf + 8);
        off = 12;
    }
    else
        return rc_error_set(err, "%s: expected .npy format version 1, 2 or 3, found %d.%d",
                            name, buf[6], buf[7]);
    if (hlen > len - off || hlen > (1u << 20))
        return rc_error_set(err, "%s: truncated header (%zu bytes announced, %zu present)",
                            name, hlen, len - off);
    h = flint_malloc(hlen + 1);
    memcpy(h, buf + off, hlen);
    h[hlen] = '\0';
    if (strlen(h) != hlen || h[0] != '{')
    {
        flint_free(h);
        return rc_error_set(err, "%s: header: expected a dict {'descr': ..., "
                            "'fortran_order': ..., 'shape': ...}", name);
    }
    off += hlen;

    /* descr: a string '<f8', '>f8', '<f4' or '>f4' (a list is a structured
       dtype, anything else another type) */
    p = header_value(h, "descr");
    if (p == NULL)
    {
        flint_free(h);
        return rc_error_set(err, "%s: header: expected a 'descr' entry", name);
    }
    if (*p == '\'' && (p[1] == '<' || p[1] == '>') && p[2] == 'f'
        && (p[3] == '8' || p[3] == '4') && p[4] == '\'')
    {
        big = p[1] == '>';
        item = p[3] - '0';
    }
    else
    {
        char found[24];
        size_t m = 0;
        while (p[m] != '\0' && p[m] != ',' && m < sizeof found - 1)
            m++;
        memcpy(found, p, m);
        found[m] = '\0';
        flint_free(h);
        return rc_error_set(err, "%s: expected dtype float64 or float32 ('<f8', '>f8', "
                            "'<f4', '>f4'), found %s", name, found);
    }

    p = header_value(h, "fortran_order");
    if (p != NULL && strncmp(p, "True", 4) == 0)
        fortran = 1;
    else if (p != NULL && strncmp(p, "False", 5) == 0)
        fortran = 0;
    else
    {
        flint_free(h);
        return rc_error_set(err, "%s: header: expected 'fortran_order': True or False", name);
    }

    p = header_value(h, "shape");
    if (p == NULL || *p != '(')
    {
        flint_free(h);
        return rc_error_set(err, "%s: header: expected a 'shape' tuple", name);
    }
    p++;
    while (*p == ' ')
        p++;
    {
        slong dims[3], nd = 0;
        while (*p != ')')
        {
            slong v;
            if (nd == 3 || header_int(&v, &p))
            {
                flint_free(h);
                return rc_error_set(err, "%s: expected a two-dimensional array (N neurons x "
                                    "D inputs), found shape %s", name,
                                    nd == 3 ? "of more than 2 dimensions"
                                    : "with a bad or too large entry");
            }
            dims[nd++] = v;
            while (*p == ' ')
                p++;
            if (*p == ',')
                p++;
            while (*p == ' ')
                p++;
        }
        if (nd != 2)
        {
            flint_free(h);
            return rc_error_set(err, "%s: expected a two-dimensional array (N neurons x D "
                                "inputs), found %ld dimension%s", name, (long) nd,
                                nd == 1 ? "" : "s");
        }
        n = dims[0];
        d = dims[1];
    }
    flint_free(h);
    if (n < 1 || d < 1)
        return rc_error_set(err, "%s: expected at least one neuron and one input, found shape "
                            "(%ld, %ld)", name, (long) n, (long) d);
    if (n > RC_POINT_MAX_ENTRIES / d)
        return rc_error_set(err, "%s: expected at most %ld entries, found shape (%ld, %ld)",
                            name, (long) RC_POINT_MAX_ENTRIES, (long) n, (long) d);
    size = (size_t) n * d;
    need = size * item;
    if (len - off < need)
        return rc_error_set(err, "%s: truncated data: expected %zu bytes for shape (%ld, %ld), "
                            "found %zu", name, need, (long) n, (long) d, len - off);
    if (len - off > need)
        return rc_error_set(err, "%s: expected %zu bytes of data for shape (%ld, %ld), found "
                            "%zu (trailing bytes)", name, need, (long) n, (long) d, len - off);

    fmpq_mat_clear(A);
    fmpq_mat_init(A, n, d);
    arf_init(x);
    for (i = 0; i < size; i++)
    {
        const unsigned char * q = buf + off + i * item;
        unsigned char b[8];
        double v;
        int t;

        for (t = 0; t < item; t++)   /* to little-endian */
            b[t] = big ? q[item - 1 - t] : q[t];
        if (item == 8)
        {
            uint64_t u = le64(b);
            memcpy(&v, &u, 8);
        }
        else
        {
            uint32_t u = le32(b);
            float f;
            memcpy(&f, &u, 4);
            v = (double) f;          /* exact */
        }
        r = fortran ? (slong) (i % n) : (slong) (i / d);
        c = fortran ? (slong) (i / n) : (slong) (i % d);
        if (v != v || v - v != 0)
        {
            arf_clear(x);
            fmpq_mat_clear(A);
            fmpq_mat_init(A, 0, 0);
            return rc_error_set(err, "%s: row %ld, column %ld: expected a finite number, "
                                "found %s", name, (long) r, (long) c,
                                v != v ? "nan" : (v > 0 ? "inf" : "-inf"));
        }
        arf_set_d(x, v);
        arf_get_fmpq(fmpq_mat_entry(A, r, c), x);
    }
    arf_clear(x);
    return 0;
}

int
rc_npy_read(fmpq_mat_t A, const char * path, rc_error_t err)
{
    unsigned char * buf;
    size_t len;
    int res;

    if (read_all(&buf, &len, path, err))
        return 1;
    res = rc_npy_read_buffer(A, buf, len, path, err);
    flint_free(buf);
    return res;
}

/* The zip archive's member "name" inflated into *out (flint_malloc'd);
   0, 1 with err, or -1 (err unset) when there is no such member. */
static int
npz_member(unsigned char ** out, size_t * outlen, const unsigned char * z, size_t len,
           const char * member, const char * path, rc_error_t err)
{
    size_t e, cd, cdn, i, pos;

    *out = NULL;
    /* the end of central directory record: the last signature 0x06054b50
       with its comment reaching exactly the end */
    if (len < 22)
        return rc_error_set(err, "%s: expected a zip archive (.npz), found %zu bytes", path, len);
    for (e = len - 22;; e--)
    {
        if (le32(z + e) == 0x06054b50 && e + 22 + le16(z + e + 20) == len)
            break;
        if (e == 0 || len - e > 22 + 65535)
            return rc_error_set(err, "%s: expected a zip archive (.npz): no end of central "
                                "directory", path);
    }
    cdn = le16(z + e + 10);
    cd = le32(z + e + 16);
    if (cd == 0xffffffffu || cdn == 0xffff)
    {
        /* zip64: the locator just before, then the zip64 end record */
        size_t l = e - 20, r;
        if (e < 20 || len < 56 || le32(z + l) != 0x07064b50 || (r = le64(z + l + 8)) > len - 56
            || le32(z + r) != 0x06064b50)
            return rc_error_set(err, "%s: malformed zip64 end of central directory", path);
        cdn = le64(z + r + 32);
        cd = le64(z + r + 48);
    }
    for (i = 0, pos = cd; i < cdn; i++)
    {
        size_t nl, xl, cl, csize, usize, loff, data;
        int method;
        uint32_t crc;

        if (pos > len || len - pos < 46 || le32(z + pos) != 0x02014b50)
            return rc_error_set(err, "%s: malformed zip central directory (entry %zu)", path, i);
        method = le16(z + pos + 10);
        crc = le32(z + pos + 16);
        csize = le32(z + pos + 20);
        usize = le32(z + pos + 24);
        nl = le16(z + pos + 28);
        xl = le16(z + pos + 30);
        cl = le16(z + pos + 32);
        loff = le32(z + pos + 42);
        if (len - pos - 46 < nl + xl + cl)
            return rc_error_set(err, "%s: malformed zip central directory (entry %zu)", path, i);
        if (nl != strlen(member) || memcmp(z + pos + 46, member, nl) != 0)
        {
            pos += 46 + nl + xl + cl;
            continue;
        }
        {
            /* zip64 extra field: the fields that are 0xffffffff, in order */
            const unsigned char * x = z + pos + 46 + nl, * xe = x + xl;
            while (xe - x >= 4)
            {
                size_t id = le16(x), sz = le16(x + 2);
                const unsigned char * f = x + 4;
                if ((size_t) (xe - f) < sz)
                    break;
                if (id == 1)
                {
                    const unsigned char * fe = f + sz;
                    if (usize == 0xffffffffu && fe - f >= 8) { usize = le64(f); f += 8; }
                    if (csize == 0xffffffffu && fe - f >= 8) { csize = le64(f); f += 8; }
                    if (loff == 0xffffffffu && fe - f >= 8) { loff = le64(f); f += 8; }
                }
                x += 4 + sz;
            }
        }
        if (usize > NPY_MAX_BYTES)
            return rc_error_set(err, "%s: member %s: expected at most %zu bytes (10^8 numbers)",
                                path, member, (size_t) NPY_MAX_BYTES);
        if (loff > len || len - loff < 30 || le32(z + loff) != 0x04034b50)
            return rc_error_set(err, "%s: member %s: malformed local header", path, member);
        data = loff + 30 + le16(z + loff + 26) + le16(z + loff + 28);
        if (data > len || len - data < csize)
            return rc_error_set(err, "%s: member %s: truncated (%zu bytes announced)",
                                path, member, csize);
        *out = flint_malloc(usize > 0 ? usize : 1);
        *outlen = usize;
        if (method == 0)
        {
            if (csize != usize)
            {
                flint_free(*out);
                *out = NULL;
                return rc_error_set(err, "%s: member %s: stored sizes disagree", path, member);
            }
            memcpy(*out, z + data, usize);
        }
        else if (method == 8)
        {
            z_stream s;
            int zr;
            memset(&s, 0, sizeof s);
            if (inflateInit2(&s, -MAX_WBITS) != Z_OK)
            {
                flint_free(*out);
                *out = NULL;
                return rc_error_set(err, "%s: member %s: cannot start inflating", path, member);
            }
            s.next_in = (Bytef *) (z + data);
            s.avail_in = (uInt) FLINT_MIN(csize, (size_t) UINT32_MAX);
            s.next_out = *out;
            s.avail_out = (uInt) FLINT_MIN(usize, (size_t) UINT32_MAX);
            zr = inflate(&s, Z_FINISH);
            inflateEnd(&s);
            if (zr != Z_STREAM_END || s.total_out != usize)
            {
                flint_free(*out);
                *out = NULL;
                return rc_error_set(err, "%s: member %s: corrupt compressed data", path, member);
            }
        }
        else
        {
            flint_free(*out);
            *out = NULL;
            return rc_error_set(err, "%s: member %s: expected stored or deflated data, found "
                                "compression method %d", path, member, method);
        }
        if ((uint32_t) crc32(crc32(0L, Z_NULL, 0), *out, (uInt) usize) != crc)
        {
            flint_free(*out);
            *out = NULL;
            return rc_error_set(err, "%s: member %s: CRC-32 mismatch (corrupt archive)",
                                path, member);
        }
        return 0;
    }
    return -1;
}

int
rc_npz_read_buffer(fmpq_mat_t W, fmpq_mat_t V, int * have_V, const unsigned char * z,
                   size_t len, const char * path, rc_error_t err)
{
    unsigned char * m;
    size_t mlen;
    char name[1024];
    int r;

    *have_V = 0;
    r = npz_member(&m, &mlen, z, len, "W.npy", path, err);
    if (r == -1)
    {
        return rc_error_set(err, "%s: expected an array named W (the student; "
                            "np.savez(file, W=W, V=V)) in the archive", path);
    }
    if (r == 0)
    {
        snprintf(name, sizeof name, "%s[W]", path);
        r = rc_npy_read_buffer(W, m, mlen, name, err);
        flint_free(m);
    }
    if (r == 0)
    {
        r = npz_member(&m, &mlen, z, len, "V.npy", path, err);
        if (r == -1)
            r = 0;
        else if (r == 0)
        {
            snprintf(name, sizeof name, "%s[V]", path);
            r = rc_npy_read_buffer(V, m, mlen, name, err);
            flint_free(m);
            *have_V = r == 0;
        }
    }
    return r;
}

int
rc_npz_read(fmpq_mat_t W, fmpq_mat_t V, int * have_V, const char * path, rc_error_t err)
{
    unsigned char * z;
    size_t len;
    int r;

    *have_V = 0;
    if (read_all(&z, &len, path, err))
        return 1;
    r = rc_npz_read_buffer(W, V, have_V, z, len, path, err);
    flint_free(z);
    return r;
}

static int
ends_with(const char * s, const char * t)
{
    size_t a = strlen(s), b = strlen(t);
    return a >= b && strcmp(s + a - b, t) == 0;
}

int
rc_point_is_numpy_path(const char * path)
{
    return path != NULL && (ends_with(path, ".npy") || ends_with(path, ".npz"));
}

int
rc_point_read_numpy(rc_point_t pt, const char * student, const char * teacher,
                    rc_error_t err)
{
    fmpq_mat_t W, V;
    int have_V = 0, res = 1;
    slong d;

    fmpq_mat_init(W, 0, 0);
    fmpq_mat_init(V, 0, 0);
    if (ends_with(student, ".npz"))
    {
        if (rc_npz_read(W, V, &have_V, student, err))
            goto out;
    }
    else if (rc_npy_read(W, student, err))
        goto out;
    d = fmpq_mat_ncols(W);
    if (have_V && teacher != NULL)
    {
        rc_error_set(err, "%s: the archive holds the teacher V and --teacher %s was given: "
                     "expected one of them", student, teacher);
        goto out;
    }
    if (!have_V && teacher == NULL)
    {
        rc_error_set(err, "%s: expected a teacher: --teacher FILE.npy or --teacher identity "
                     "(or V in a .npz archive)", student);
        goto out;
    }
    if (teacher != NULL && strcmp(teacher, "identity") == 0)
    {
        fmpq_mat_clear(V);
        fmpq_mat_init(V, d, d);
        fmpq_mat_one(V);
    }
    else if (teacher != NULL)
    {
        if (!ends_with(teacher, ".npy"))
        {
            rc_error_set(err, "--teacher: expected FILE.npy or identity with a NumPy student, "
                         "found '%.200s'", teacher);
            goto out;
        }
        if (rc_npy_read(V, teacher, err))
            goto out;
    }
    res = rc_point_set_mats(pt, W, V, teacher != NULL && strcmp(teacher, "identity") != 0
                            ? teacher : student, student, err);
out:
    fmpq_mat_clear(W);
    fmpq_mat_clear(V);
    return res;
}
