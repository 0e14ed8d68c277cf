// Test helper: writes a tiny WordNet 3.0 (index/data/exception files in the
// real formats, with real byte offsets) and tiny FreeDict nl<->en dictionaries
// (dictd .index + plain .dict.dz, which zlib reads as is) into a fresh
// directory, so lexicon and suggestion tests need no system files.
//
//   LexiconFixture f = WriteLexiconFixture("lexicon_test");
//   Lexicon lex = Lexicon::Load(f.paths);
//   f.key["permission.1"];   // the synset key (offset * 4 + pos) of a fixture synset
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "matching/lexicon.h"

namespace verbinder::matching::testing {

struct LexiconFixture {
  LexiconPaths paths;
  std::map<std::string, uint32_t> key;  // fixture synset name -> Lexicon key
};

namespace fixture_internal {

struct Pointer {
  std::string symbol;  // "@" hypernym, "+" derivation
  std::string target;  // synset name
  std::string source_target = "0000";
};

struct Synset {
  std::string name;
  char pos = 'n';
  std::vector<std::string> words;
  std::vector<Pointer> pointers;
};

inline std::string Offset(long v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08ld", v);
  return buf;
}

// Writes data.<pos> and index.<pos> for the synsets of one part of speech;
// `offsets` receives every synset's offset (names are global across parts).
inline void WritePos(const std::filesystem::path& dir, const std::string& pos_name, char pos,
                     const std::vector<Synset>& all, std::map<std::string, long>& offsets, bool final_pass) {
  const std::string header = "  1 fixture licence line\n";
  std::string data = header;
  std::map<std::string, std::vector<std::string>> senses;  // lemma -> synset names, most frequent first
  for (const Synset& s : all) {
    if (s.pos != pos) continue;
    offsets[s.name] = static_cast<long>(data.size());
    char wcnt[8];
    std::snprintf(wcnt, sizeof wcnt, "%02zx", s.words.size());
    std::string line = Offset(offsets[s.name]) + " 00 " + std::string(1, pos) + " " + wcnt;
    for (const std::string& w : s.words) {
      line += " " + w + " 0";
      senses[w].push_back(s.name);
    }
    char pcnt[8];
    std::snprintf(pcnt, sizeof pcnt, "%03zu", s.pointers.size());
    line += std::string(" ") + pcnt;
    for (const Pointer& p : s.pointers) {
      char tpos = 'n';
      for (const Synset& t : all) {
        if (t.name == p.target) tpos = t.pos;
      }
      long target = final_pass ? offsets.at(p.target) : 0;
      line += " " + p.symbol + " " + Offset(target) + " " + std::string(1, tpos) + " " + p.source_target;
    }
    line += " | a fixture gloss  \n";
    data += line;
  }
  std::ofstream(dir / ("data." + pos_name)) << data;
  std::string index = header;
  for (const auto& [lemma, names] : senses) {  // std::map: sorted as WordNet's index
    index += lemma + " " + std::string(1, pos) + " " + std::to_string(names.size()) + " 0 " +
             std::to_string(names.size()) + " " + std::to_string(names.size());
    for (const std::string& n : names) index += " " + Offset(final_pass ? offsets.at(n) : 0);
    index += "  \n";
  }
  std::ofstream(dir / ("index." + pos_name)) << index;
}

inline std::string Base64(long v) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[v % 64]);
    v /= 64;
  } while (v > 0);
  return out;
}

// A dictd dictionary: entries of headword and translation lines.
inline void WriteDict(const std::filesystem::path& base,
                      const std::vector<std::pair<std::string, std::vector<std::string>>>& entries) {
  std::string dict = "00-database-info\nfixture\n", index = "00-database-info\tA\tY\n";
  for (const auto& [head, lines] : entries) {
    std::string entry = head + " /pron/\n";
    for (const std::string& l : lines) entry += l + "\n";
    index +=
        head + "\t" + Base64(static_cast<long>(dict.size())) + "\t" + Base64(static_cast<long>(entry.size())) + "\n";
    dict += entry;
  }
  std::ofstream(base.string() + ".dict.dz") << dict;
  std::ofstream(base.string() + ".index") << index;
}

}  // namespace fixture_internal

// The fixture: "permission" (2 senses: {permission} under {approval}, and
// {license, licence, permission, permit}), "prediction" derived from the verb
// {predict, foretell, prognosticate}, "dearth" and "famine" both under
// {insufficiency}; Dutch "toestemming" = consent, permission; "vergunning" =
// licence, permit; English "approval" = "goedkeuring" (nld-eng lacks it).
inline LexiconFixture WriteLexiconFixture(const std::string& name) {
  using namespace fixture_internal;
  LexiconFixture f;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("verbinder_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "wordnet");
  std::filesystem::create_directories(dir / "dictd");
  std::vector<Synset> synsets = {
      {"approval.1", 'n', {"approval", "blessing"}, {}},
      {"permission.1", 'n', {"permission"}, {{"@", "approval.1"}}},
      {"permission.2", 'n', {"license", "licence", "permission", "permit"}, {}},
      {"prediction.1", 'n', {"prediction", "foretelling"}, {{"+", "predict.1", "0101"}}},
      {"insufficiency.1", 'n', {"insufficiency", "inadequacy"}, {}},
      {"dearth.1", 'n', {"dearth", "paucity"}, {{"@", "insufficiency.1"}}},
      {"famine.1", 'n', {"famine"}, {{"@", "insufficiency.1"}}},
      {"predict.1", 'v', {"predict", "foretell", "prognosticate"}, {{"+", "prediction.1", "0101"}}},
  };
  std::map<std::string, long> offsets;
  for (bool final_pass : {false, true}) {  // offsets do not depend on values: fixed 8 digits
    WritePos(dir / "wordnet", "noun", 'n', synsets, offsets, final_pass);
    WritePos(dir / "wordnet", "verb", 'v', synsets, offsets, final_pass);
    WritePos(dir / "wordnet", "adj", 'a', synsets, offsets, final_pass);
  }
  std::ofstream(dir / "wordnet" / "noun.exc") << "";
  std::ofstream(dir / "wordnet" / "verb.exc") << "foretold foretell\n";
  std::ofstream(dir / "wordnet" / "adj.exc") << "";
  for (const Synset& s : synsets) {
    const uint32_t pos = s.pos == 'n' ? 0 : s.pos == 'v' ? 1 : 2;
    f.key[s.name] = static_cast<uint32_t>(offsets[s.name]) * 4 + pos;
  }
  WriteDict(dir / "dictd" / "freedict-nld-eng",
            {{"toestemming", {"1. assent", "2. consent, permission"}}, {"vergunning", {"1. licence", "2. permit"}}});
  WriteDict(dir / "dictd" / "freedict-eng-nld", {{"approval", {"goedkeuring"}}});
  f.paths.wordnet_dir = (dir / "wordnet").string();
  f.paths.freedict_dir = (dir / "dictd").string();
  return f;
}

}  // namespace verbinder::matching::testing
