#include "storage/database.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "storage/migrations.h"

namespace verbinder::storage {
namespace {

std::string TempDb(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("vb-storage-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  std::filesystem::remove(p);
  return p.string();
}

TEST(MigrationStatementsTest, ExpandsPlaceholdersPerBackend) {
  auto pg = MigrationStatements("CREATE TABLE t (id {{ID}}, b {{BOOL}});\n-- c\nCREATE INDEX i ON t(b);\n",
                                Backend::kPostgres);
  ASSERT_EQ(pg.size(), 2u);
  EXPECT_NE(pg[0].find("BIGSERIAL PRIMARY KEY"), std::string::npos);
  auto lite = MigrationStatements("CREATE TABLE t (id {{ID}});", Backend::kSqlite);
  EXPECT_NE(lite[0].find("AUTOINCREMENT"), std::string::npos);
}

TEST(DatabaseTest, MigratesOnceAndUsesWal) {
  auto path = TempDb("a/b/test.db");  // parent dirs are created
  auto db = Database::Open(path, 2);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto n = (*db)->Migrate();
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, static_cast<int>(Migrations().size()));
  auto again = (*db)->Migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(*(*db)->SchemaVersion(), Migrations().back().version);
  soci::session sql((*db)->pool());
  std::string mode;
  sql << "PRAGMA journal_mode", soci::into(mode);
  EXPECT_EQ(mode, "wal");
}

TEST(DatabaseTest, DirectoryIsNotADatabase) {
  auto db = Database::Open(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kInvalidArgument);
}

TEST(DatabaseTest, UnreachablePostgresIsUnavailable) {
  auto db = Database::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kUnavailable);
}

}  // namespace
}  // namespace verbinder::storage

namespace verbinder::storage {
namespace {

TEST(PostgresConnInfoTest, ParsesUrls) {
  auto c = PostgresConnInfo("postgresql://vb:s%40cret@db.local:5433/verbinder?sslmode=require");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, "user='vb' password='s@cret' host='db.local' port='5433' dbname='verbinder' sslmode='require'");
  EXPECT_EQ(*PostgresConnInfo("postgres://[::1]:5432/x"), "host='::1' port='5432' dbname='x'");
  EXPECT_FALSE(PostgresConnInfo("postgresql://h:abc/x").ok());
}

}  // namespace
}  // namespace verbinder::storage
